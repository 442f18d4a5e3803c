using ModelGrid.Benchmarks.Dispatch;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>What one cluster cell measured.</summary>
/// <param name="Cell">The configuration.</param>
/// <param name="SubmitSeconds">Wall time to submit every job through the API silo.</param>
/// <param name="DrainSeconds">From telling the workers to start to the last result accepted.</param>
/// <param name="Completed">Results the job grains accepted (as the workers reported them).</param>
/// <param name="DistinctRun">Jobs whose executor started at least once, on any worker.</param>
/// <param name="RunTwice">Jobs whose executor started more than once.</param>
/// <param name="QueuedAfter">Ids the partitions still offered after the drain.</param>
/// <param name="PerWorker">Jobs each leasing worker silo ran.</param>
/// <param name="GrantToStart">From the job grain granting the lease to the executor starting, over every job.</param>
/// <param name="Calls">Every call to the grid's grains made by any silo during the cell, by interface and method.</param>
/// <param name="ReminderOps">Reminder-table operations of every silo during the cell.</param>
/// <param name="MembershipPerSiloMinute">Membership-table operations per silo per minute during the cell, by kind.</param>
public sealed record ClusterCellResult(
    ClusterCell Cell,
    double SubmitSeconds,
    double DrainSeconds,
    int Completed,
    int DistinctRun,
    int RunTwice,
    int QueuedAfter,
    IReadOnlyList<int> PerWorker,
    Distribution GrantToStart,
    IReadOnlyDictionary<string, Distribution> Calls,
    IReadOnlyDictionary<string, int> ReminderOps,
    IReadOnlyDictionary<string, double> MembershipPerSiloMinute)
{
    public double JobsPerMinute => Completed / DrainSeconds * 60;

    public double CallsPerJob => Calls.Values.Sum(d => d.Count) / (double)Cell.Jobs;

    public bool Checked => Completed == Cell.Jobs && DistinctRun == Cell.Jobs && RunTwice == 0 && QueuedAfter == 0;
}
