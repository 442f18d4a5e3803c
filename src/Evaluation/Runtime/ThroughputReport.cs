namespace ModelGrid.Evaluation.Runtime;

/// <summary>The result of a throughput run; <see cref="Failure"/> says why it failed (a golden mismatch), null when it did not.</summary>
public sealed record ThroughputReport
{
    public required string RequestedProvider { get; init; }

    public required string ActualProvider { get; init; }

    public string? FallbackReason { get; init; }

    public required string RuntimeVersion { get; init; }

    /// <summary>Opening the first session, in milliseconds.</summary>
    public required double SessionCreationMs { get; init; }

    /// <summary>The first run of the first session (cold), in milliseconds.</summary>
    public required double FirstRunMs { get; init; }

    /// <summary>The process's peak working set at the end of the run (<c>Process.PeakWorkingSet64</c>).</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>Managed bytes the process allocated during the whole run, sessions included.</summary>
    public required long ManagedBytesAllocated { get; init; }

    public required int Seed { get; init; }

    public required IReadOnlyList<ThroughputMeasurement> Measurements { get; init; }

    public string? Failure { get; init; }

    public bool Succeeded => Failure is null;
}
