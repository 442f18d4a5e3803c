namespace ModelGrid.Evaluation.Runtime;

/// <summary>One configuration of a throughput run: an intra-op thread count and a batch size.</summary>
public sealed record ThroughputMeasurement
{
    public required int Threads { get; init; }

    public required int BatchSize { get; init; }

    public required bool Supported { get; init; }

    /// <summary>Why the batch size was not run, e.g. <c>not supported (fixed batch dimension 1)</c>.</summary>
    public string? NotSupportedReason { get; init; }

    /// <summary>Whether warm-up settled before <see cref="ThroughputSettings.MaxWarmupWindows"/>.</summary>
    public bool Stable { get; init; }

    public int WarmupWindows { get; init; }

    /// <summary>The number of timed calls the latencies are taken from.</summary>
    public int Samples { get; init; }

    public double P50Ms { get; init; }

    public double P90Ms { get; init; }

    public double P99Ms { get; init; }

    /// <summary>Rows per second: batch size times timed calls over the wall time of the timed calls.</summary>
    public double SamplesPerSecond { get; init; }

    /// <summary>Managed bytes the measuring thread allocated during the timed calls (0 when the harness adds nothing).</summary>
    public long ManagedBytesAllocated { get; init; }

    /// <summary>Whether re-running the fixed inputs after the timed calls gave the golden outputs again.</summary>
    public bool GoldenMatched { get; init; }
}
