using ModelGrid.Benchmarks.Dispatch;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>What one simulation cell measured.</summary>
/// <param name="Cell">The configuration.</param>
/// <param name="SubmitSeconds">Wall time to submit every job.</param>
/// <param name="DrainSeconds">From starting the workers to the last result accepted.</param>
/// <param name="Completed">Results the job grains accepted.</param>
/// <param name="DistinctRun">Jobs whose executor started at least once.</param>
/// <param name="RunTwice">Jobs whose executor started more than once.</param>
/// <param name="QueuedAfter">Ids the partitions still offered after the drain.</param>
/// <param name="LeaseCall">The worker's <c>TryLease</c> calls that granted a lease, as the worker saw them.</param>
/// <param name="GrantToStart">From the job grain granting the lease to the executor starting.</param>
/// <param name="Calls">Every call to the grid's grains during submit and drain, by interface and method.</param>
/// <param name="StateWrites">Grain-state writes during submit and drain, by state name.</param>
/// <param name="ReminderOps">Reminder-table operations during submit and drain.</param>
/// <param name="IdleCalls">Partition calls while the workers polled the empty queue after the drain.</param>
/// <param name="IdleSeconds">How long they polled it.</param>
public sealed record SimulationCellResult(
    SimulationCell Cell,
    double SubmitSeconds,
    double DrainSeconds,
    int Completed,
    int DistinctRun,
    int RunTwice,
    int QueuedAfter,
    Distribution LeaseCall,
    Distribution GrantToStart,
    IReadOnlyDictionary<string, Distribution> Calls,
    IReadOnlyDictionary<string, int> StateWrites,
    IReadOnlyDictionary<string, int> ReminderOps,
    int IdleCalls,
    double IdleSeconds)
{
    public double JobsPerSecond => Completed / DrainSeconds;

    public double CallsPerJob => Calls.Values.Sum(d => d.Count) / (double)Cell.Jobs;

    public double EmptyPollsPerJob => Calls.TryGetValue("IJobQueueGrain.TryLease (none)", out var d) ? d.Count / (double)Cell.Jobs : 0;

    public double WritesPerJob => StateWrites.Values.Sum() / (double)Cell.Jobs;

    public double RemindersPerJob => ReminderOps.Values.Sum() / (double)Cell.Jobs;

    /// <summary>Partition calls per second per worker loop while the queue was empty.</summary>
    public double IdleCallsPerLoopSecond => IdleCalls / IdleSeconds / Cell.Loops;

    public bool Checked => Completed == Cell.Jobs && DistinctRun == Cell.Jobs && RunTwice == 0 && QueuedAfter == 0;
}
