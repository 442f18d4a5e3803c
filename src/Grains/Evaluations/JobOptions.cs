using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Grains.Evaluations;

/// <summary>Configuration section <c>Grid:Jobs</c>: leases, retries, queue partitions and job logs.</summary>
public sealed class JobOptions
{
    public const string Section = "Grid:Jobs";

    /// <summary>How long a lease lasts unless renewed; workers renew every third of it.</summary>
    [Range(1, 86_400)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How many leases of one job may expire before it fails.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Queue partitions per hardware class; at least as many as concurrent worker loops (a partition serves one call at a time).</summary>
    [Range(1, 256)]
    public int Partitions { get; set; } = 4;

    /// <summary>How often each queue partition looks for expired leases.</summary>
    [Range(1, 3_600)]
    public int SweepSeconds { get; set; } = 5;

    /// <summary>
    /// How often a queue partition's reminder (its watchdog) wakes it while it has leases out, so expired leases go
    /// back to the queue even when no worker polls the partition and its activation is gone.
    /// </summary>
    [Range(1, 86_400)]
    public int WatchdogSeconds { get; set; } = 60;

    /// <summary>How often a succeeded job's reminder retries recording its result on the versions that have not acknowledged it.</summary>
    [Range(1, 86_400)]
    public int FollowUpRetrySeconds { get; set; } = 60;

    /// <summary>The most lines a job's log keeps (the newest).</summary>
    [Range(1, 100_000)]
    public int LogLines { get; set; } = 1_000;

    /// <summary>The most UTF-8 bytes a job's log keeps (the newest lines).</summary>
    [Range(1_024, 16 << 20)]
    public int LogBytes { get; set; } = 256 << 10;

    /// <summary>
    /// The fewest change-log records before a queue partition compacts its log into a snapshot; it compacts only
    /// when the log also holds more than twice as many records as the index has ids, so compaction costs O(1) per operation.
    /// </summary>
    [Range(16, 1 << 24)]
    public int QueueCompactionRecords { get; set; } = 4_096;

    /// <summary>The watchdog's period.</summary>
    public TimeSpan Watchdog => TimeSpan.FromSeconds(WatchdogSeconds);

    /// <summary>The follow-ups' retry period.</summary>
    public TimeSpan FollowUpRetry => TimeSpan.FromSeconds(FollowUpRetrySeconds);

    /// <summary>The shortest reminder period these options ask for, never above Orleans' default minimum of a minute.</summary>
    public TimeSpan ShortestReminderPeriod => TimeSpan.FromSeconds(Math.Min(60, Math.Min(WatchdogSeconds, FollowUpRetrySeconds)));

    /// <summary>The lease duration.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
