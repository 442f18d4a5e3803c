namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>What one cell measured.</summary>
/// <param name="Cell">The configuration.</param>
/// <param name="SubmitSeconds">Wall time to submit every job (concurrently, <see cref="DispatchBenchOptions.SubmitConcurrency"/> in flight).</param>
/// <param name="SubmitLatency">One submission, start to answer.</param>
/// <param name="Deduplicated">Submissions answered by an existing job (0 expected: every spec is distinct).</param>
/// <param name="DrainSeconds">From starting the worker to the last accepted result.</param>
/// <param name="GrantToStart">From the job grain granting the lease to the executor starting.</param>
/// <param name="ReceiptToStart">From the lease reaching the worker's loop to the executor starting.</param>
/// <param name="LeaseCall">The worker's <c>IJobQueueGrain.TryLease</c> calls that granted a lease, as the worker saw them.</param>
/// <param name="Completed">Results the job grains accepted.</param>
/// <param name="DistinctRun">Jobs the executor started at least once.</param>
/// <param name="RunTwice">Jobs the executor started more than once.</param>
/// <param name="QueuedAfter">Ids the partitions still offered after the drain (0 expected).</param>
/// <param name="InFlightAfter">Ids the partitions still watched after the drain (finished ids are dropped lazily, after their lease time).</param>
/// <param name="SubmitCpu">CPU seconds of this process (silo, worker, submitter) while submitting.</param>
/// <param name="DrainCpu">CPU seconds of this process while draining.</param>
/// <param name="ServerSubmitCpu">CPU seconds of Azurite while submitting (0 on the embedded store).</param>
/// <param name="ServerDrainCpu">CPU seconds of Azurite while draining.</param>
/// <param name="Gen2Collections">Gen-2 garbage collections during submit and drain.</param>
/// <param name="SubmitPool">The thread pool while submitting.</param>
/// <param name="DrainPool">The thread pool while draining.</param>
/// <param name="Calls">Every grain call during the cell by interface and method.</param>
public sealed record DispatchCellResult(
    DispatchCell Cell,
    double SubmitSeconds,
    Distribution SubmitLatency,
    int Deduplicated,
    double DrainSeconds,
    Distribution GrantToStart,
    Distribution ReceiptToStart,
    Distribution LeaseCall,
    int Completed,
    int DistinctRun,
    int RunTwice,
    int QueuedAfter,
    int InFlightAfter,
    double SubmitCpu,
    double DrainCpu,
    double ServerSubmitCpu,
    double ServerDrainCpu,
    int Gen2Collections,
    ThreadPoolLoad SubmitPool,
    ThreadPoolLoad DrainPool,
    IReadOnlyDictionary<string, Distribution> Calls)
{
    public double SubmitPerSecond => Cell.Jobs / SubmitSeconds;

    public double JobsPerSecond => Completed / DrainSeconds;

    public double JobsPerMinute => JobsPerSecond * 60;

    /// <summary>Every job ran once, every result was accepted and nothing is left to offer.</summary>
    public bool Checked => Completed == Cell.Jobs && DistinctRun == Cell.Jobs && RunTwice == 0 && QueuedAfter == 0 && Deduplicated == 0;
}
