using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ModelGrid.Grains.Telemetry;

/// <summary>
/// The grid's own instruments, on one meter (<see cref="MeterName"/>). Label values are suite ids, queue partitions,
/// hardware classes and outcomes — never a model, an owner or a token — so a metrics reader learns nothing a private
/// model's owner has not made public.
/// </summary>
public static class GridMetrics
{
    /// <summary>The meter's name, which the host's metrics pipeline listens to.</summary>
    public const string MeterName = "ModelGrid";

    /// <summary>The label of a queue partition (<c>cpu-0</c>).</summary>
    public const string PartitionTag = "partition";

    /// <summary>The label of an evaluation suite's id.</summary>
    public const string SuiteTag = "suite";

    /// <summary>The label of a job's hardware class (<c>cpu</c>, <c>gpu</c>).</summary>
    public const string HardwareTag = "hardware_class";

    /// <summary>The label of how a job's attempt ended: <c>succeeded</c>, <c>failed</c>, <c>lost</c>, <c>stopped</c>.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>The label of a queue entry's state: <c>queued</c> or <c>leased</c>.</summary>
    public const string StateTag = "state";

    private static readonly ConcurrentDictionary<string, QueueDepth> Depths = new(StringComparer.Ordinal);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> LeasesGranted = Meter.CreateCounter<long>(
        "grid.jobs.leases.granted", "{lease}", "Leases a queue partition handed to a worker.");

    private static readonly Counter<long> LeasesExpired = Meter.CreateCounter<long>(
        "grid.jobs.leases.expired", "{lease}", "Leases a queue partition's sweep found expired, returning the job to the queue or failing it.");

    private static readonly Histogram<double> JobDurations = Meter.CreateHistogram<double>(
        "grid.jobs.duration", "s", "How long a worker took to run one attempt of a job, until the run succeeded, failed or stopped.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });

    private static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "grid.weight_cache.hits", "{file}", "Model and data files a worker found in its weight cache.");

    private static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
        "grid.weight_cache.misses", "{file}", "Model and data files a worker had to fetch from the store.");

    private static readonly Counter<long> CacheFetchedBytes = Meter.CreateCounter<long>(
        "grid.weight_cache.fetched", "By", "Bytes the weight cache fetched from the store and verified.");

    private static readonly Counter<long> UploadedBytes = Meter.CreateCounter<long>(
        "grid.hub.uploaded", "By", "File bytes the hub accepted: whole-file uploads and resumable chunks.");

    private static readonly Counter<long> DownloadedBytes = Meter.CreateCounter<long>(
        "grid.hub.downloaded", "By", "File bytes the hub sent in answers to GET.");

    static GridMetrics() =>
        Meter.CreateObservableGauge(
            "grid.jobs.queue.depth",
            ObserveDepths,
            "{job}",
            "Jobs a queue partition holds, by state, on the silo where the partition is active.");

    /// <summary>A partition handed out a lease.</summary>
    public static void LeaseGranted(string partition) =>
        LeasesGranted.Add(1, new KeyValuePair<string, object?>(PartitionTag, partition));

    /// <summary>A partition's sweep expired <paramref name="count"/> leases.</summary>
    public static void LeaseExpired(string partition, int count) =>
        LeasesExpired.Add(count, new KeyValuePair<string, object?>(PartitionTag, partition));

    /// <summary>A worker finished running one attempt of a job of <paramref name="suite"/>.</summary>
    public static void JobRan(string suite, string hardwareClass, string outcome, TimeSpan duration) =>
        JobDurations.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>(SuiteTag, suite),
            new KeyValuePair<string, object?>(HardwareTag, hardwareClass),
            new KeyValuePair<string, object?>(OutcomeTag, outcome));

    /// <summary>The weight cache held the file a job asked for.</summary>
    public static void CacheHit() => CacheHits.Add(1);

    /// <summary>The weight cache did not hold the file a job asked for.</summary>
    public static void CacheMiss() => CacheMisses.Add(1);

    /// <summary>The weight cache fetched <paramref name="bytes"/> from the store.</summary>
    public static void CacheFetched(long bytes) => CacheFetchedBytes.Add(bytes);

    /// <summary>The hub accepted <paramref name="bytes"/> of file content.</summary>
    public static void Uploaded(long bytes) => UploadedBytes.Add(bytes);

    /// <summary>The hub sent <paramref name="bytes"/> of file content.</summary>
    public static void Downloaded(long bytes) => DownloadedBytes.Add(bytes);

    /// <summary>What an active partition holds now; the gauge reads the latest value of each partition.</summary>
    public static void QueueDepthChanged(string partition, int queued, int leased) =>
        Depths[partition] = new QueueDepth(queued, leased);

    /// <summary>A partition deactivated here: its depth is reported by the silo that activates it next.</summary>
    public static void QueueDeactivated(string partition) => Depths.TryRemove(partition, out _);

    private static IEnumerable<Measurement<long>> ObserveDepths()
    {
        foreach (var (partition, depth) in Depths)
        {
            yield return new Measurement<long>(depth.Queued, new KeyValuePair<string, object?>(PartitionTag, partition), new KeyValuePair<string, object?>(StateTag, "queued"));
            yield return new Measurement<long>(depth.Leased, new KeyValuePair<string, object?>(PartitionTag, partition), new KeyValuePair<string, object?>(StateTag, "leased"));
        }
    }

    private readonly record struct QueueDepth(int Queued, int Leased);
}
