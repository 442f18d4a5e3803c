namespace ModelGrid.Evaluations;

/// <summary>
/// One queue partition, keyed <c>{hardwareClass}-{shard}</c> (<see cref="JobPartitions"/>): an index of job ids to
/// offer and of ids leased out, which it watches for expiry. The job grains decide; an entry whose job no longer
/// agrees is dropped or moved without harm.
/// </summary>
[Alias("grid.IJobQueueGrain")]
public interface IJobQueueGrain : IGrainWithStringKey
{
    /// <summary>Adds a job id to offer; adding one that is indexed already changes nothing.</summary>
    /// <param name="jobId">The job.</param>
    [Alias("Enqueue")] Task Enqueue(Guid jobId);

    /// <summary>Offers queued ids to their job grains, oldest first, until one grants a lease; null when none does.</summary>
    /// <param name="worker">The worker asking.</param>
    /// <param name="duration">How long the lease lasts unless renewed.</param>
    [Alias("TryLease")] Task<JobLease?> TryLease(WorkerCapabilities worker, TimeSpan duration);

    /// <summary>
    /// Asks the job grains of leased-out ids whose leases may have expired to expire them, offers requeued ids
    /// again and forgets finished ones. Returns how many leases expired.
    /// </summary>
    [Alias("Sweep")] Task<int> Sweep();

    /// <summary>Forgets a finished job at once (sent by the job grain, one-way); an id not indexed changes nothing.</summary>
    /// <param name="jobId">The job.</param>
    [Orleans.Concurrency.OneWay, Alias("Forget")] Task Forget(Guid jobId);

    /// <summary>How many ids the partition offers and watches.</summary>
    [Alias("Count")] Task<QueueCounts> Count();
}
