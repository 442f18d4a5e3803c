using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Silo.Worker;

/// <summary>Configuration section <c>Grid:Worker</c>: what a silo with the worker role runs and offers.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Grid:Worker";

    /// <summary>How many jobs run at once (one lease loop each); keep it at most <c>Grid:Jobs:Partitions</c>.</summary>
    [Range(1, 64)]
    public int Slots { get; set; } = 1;

    /// <summary>The size budget of the worker's weight cache.</summary>
    [Range(1L, long.MaxValue)]
    public long CacheBytes { get; set; } = 10L << 30;

    /// <summary>Whether the worker offers a GPU; null detects it.</summary>
    public bool? Gpu { get; set; }

    /// <summary>Where the weight cache keeps its files; default <c>{Grid:Storage:Path}/cache/weights</c>.</summary>
    public string? CachePath { get; set; }

    /// <summary>Never use CUDA on this worker, even where it works; suites that require a GPU then fail.</summary>
    public bool ForceCpu { get; set; }

    /// <summary>The name the worker gives in leases; null uses host name and process id.</summary>
    public string? WorkerId { get; set; }

    /// <summary>The longest pause between polls while every partition is empty; pauses start short and double up to it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan MaxIdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a job may run on this worker: a suite that declares a longer wall-clock limit (or whose kind's
    /// default is longer) is held to this, and fails when it passes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxJobDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most a job may add to the worker process's memory; a suite's larger ceiling is held to this.</summary>
    [Range(1L << 20, long.MaxValue)]
    public long MaxJobMemoryBytes { get; set; } = 8L << 30;

    /// <summary>
    /// How often a running job's status is checked, so a cancelled job stops within about this long rather than at
    /// the next lease renewal (a read of the job grain; renewals still come every third of the lease).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CancelCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
