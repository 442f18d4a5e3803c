namespace ModelGrid.Evaluations;

/// <summary>
/// One evaluation job, keyed by its id: the only source of truth for its status and lease. Every call about a
/// running attempt presents the attempt's lease id; a call with any other id changes nothing and answers false.
/// </summary>
[Alias("grid.IEvaluationJobGrain")]
public interface IEvaluationJobGrain : IGrainWithGuidKey
{
    /// <summary>Records the job as queued; when it exists already, returns it unchanged.</summary>
    /// <param name="spec">What it runs.</param>
    [Alias("Submit")] Task<JobSnapshot> Submit(JobSpec spec);

    /// <summary>
    /// Records the job as succeeded at once with a result copied from an earlier run on the same files
    /// (<see cref="JobSnapshot.ResultReused"/>, attempt 1, no worker), and logs that it was reused; when the job
    /// exists already, returns it unchanged.
    /// </summary>
    /// <param name="spec">What it evaluates.</param>
    /// <param name="resultRef">The blob name of the copy, <c>results/{jobId}/1.json</c>.</param>
    [Alias("SubmitReused")] Task<JobSnapshot> SubmitReused(JobSpec spec, string resultRef);

    /// <summary>
    /// Adds a version of the job's model (another version with the same files, whose submission this job answers) to
    /// the versions that wait for its result: once the job succeeds the result is recorded on it, retried until the
    /// version acknowledges; on a job that has succeeded already, at once. A failed or cancelled job takes nobody.
    /// </summary>
    /// <param name="versionKey">The version, <c>owner/name@N</c> of the job's model.</param>
    [Alias("Join")] Task<JobSnapshot> Join(string versionKey);

    /// <summary>The job, or null when nothing was submitted under this id.</summary>
    [Alias("Get")] Task<JobSnapshot?> Get();

    /// <summary>
    /// Leases the job to a worker for <paramref name="duration"/>, persisting the lease before it answers; null
    /// when the job is not queued, or needs a GPU the worker does not have.
    /// </summary>
    /// <param name="worker">The worker asking.</param>
    /// <param name="duration">How long the lease lasts unless renewed.</param>
    [Alias("TryLease")] Task<JobLease?> TryLease(WorkerCapabilities worker, TimeSpan duration);

    /// <summary>Extends the current lease to now + <paramref name="duration"/>; false means the worker has lost it and must stop.</summary>
    /// <param name="leaseId">The lease's fencing token.</param>
    /// <param name="duration">How long from now the lease lasts.</param>
    [Alias("Renew")] Task<bool> Renew(string leaseId, TimeSpan duration);

    /// <summary>
    /// Records the current attempt's result. True when recorded, or when this very completion was recorded
    /// before; false (recording nothing) for any other lease. The write that accepts it also records the versions
    /// to record it on (the job's own and those that joined); the job records it there before it answers, and a
    /// reminder retries a version that did not acknowledge, also after a crash.
    /// </summary>
    /// <param name="leaseId">The lease's fencing token.</param>
    /// <param name="resultRef">The blob name of the result.</param>
    [Alias("Complete")] Task<bool> Complete(string leaseId, string resultRef);

    /// <summary>Marks the job failed by the current attempt; true when recorded or recorded before with the same reason.</summary>
    /// <param name="leaseId">The lease's fencing token.</param>
    /// <param name="reason">Why, one line.</param>
    [Alias("Fail")] Task<bool> Fail(string leaseId, string reason);

    /// <summary>Cancels a queued or leased job (a worker running it learns so at its next status check and stops the run); a finished job stays as it is.</summary>
    /// <param name="actor">Who cancels it.</param>
    [Alias("Cancel")] Task<JobSnapshot> Cancel(string actor);

    /// <summary>
    /// When the job is leased and the lease has expired by the grain's clock: back to queued with the next attempt
    /// number, or failed once <c>Grid:Jobs:MaxAttempts</c> leases have expired. False when nothing changed.
    /// </summary>
    [Alias("ExpireLease")] Task<bool> ExpireLease();

    /// <summary>Appends lines to the job's bounded log; false (appending nothing) when the lease is not the current attempt's.</summary>
    /// <param name="leaseId">The lease's fencing token.</param>
    /// <param name="lines">The lines, oldest first.</param>
    [Alias("AppendLog")] Task<bool> AppendLog(string leaseId, IReadOnlyList<string> lines);

    /// <summary>
    /// The log's newest lines, oldest first; when older lines were dropped to keep it bounded, the first line says
    /// how many (<c>… k earlier lines dropped</c>).
    /// </summary>
    [Alias("GetLog")] Task<IReadOnlyList<string>> GetLog();
}
