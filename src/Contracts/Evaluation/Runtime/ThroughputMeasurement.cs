namespace ModelGrid.Evaluation.Runtime;

/// <summary>One configuration of a throughput run: an intra-op thread count and a batch size.</summary>
public sealed record ThroughputMeasurement
{
    /// <summary>The intra-op thread count.</summary>
    public required int Threads { get; init; }

    /// <summary>Rows per call.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Whether the model accepts the batch size.</summary>
    public required bool Supported { get; init; }

    /// <summary>Why the batch size was not run, e.g. <c>not supported (fixed batch dimension 1)</c>.</summary>
    public string? NotSupportedReason { get; init; }

    /// <summary>Whether warm-up settled before the largest number of warm-up windows the settings allow.</summary>
    public bool Stable { get; init; }

    /// <summary>Warm-up windows run before the timed calls.</summary>
    public int WarmupWindows { get; init; }

    /// <summary>The number of timed calls the latencies are taken from.</summary>
    public int Samples { get; init; }

    /// <summary>Median latency of one call, in milliseconds.</summary>
    public double P50Ms { get; init; }

    /// <summary>90th percentile latency of one call, in milliseconds.</summary>
    public double P90Ms { get; init; }

    /// <summary>99th percentile latency of one call, in milliseconds.</summary>
    public double P99Ms { get; init; }

    /// <summary>Rows per second: batch size times timed calls over the wall time of the timed calls.</summary>
    public double SamplesPerSecond { get; init; }

    /// <summary>Managed bytes the measuring thread allocated during the timed calls (0 when the harness adds nothing).</summary>
    public long ManagedBytesAllocated { get; init; }

    /// <summary>Whether re-running the fixed inputs after the timed calls gave the golden outputs again.</summary>
    public bool GoldenMatched { get; init; }
}
