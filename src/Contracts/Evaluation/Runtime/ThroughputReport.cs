namespace ModelGrid.Evaluation.Runtime;

/// <summary>The result of a throughput run; <see cref="Failure"/> says why it failed (a golden mismatch), null when it did not.</summary>
public sealed record ThroughputReport
{
    /// <summary>The execution provider asked for ("CUDA" or "CPU").</summary>
    public required string RequestedProvider { get; init; }

    /// <summary>The one that ran.</summary>
    public required string ActualProvider { get; init; }

    /// <summary>Why CUDA was not used when it was asked for, or null.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>ONNX Runtime's version.</summary>
    public required string RuntimeVersion { get; init; }

    /// <summary>Opening the first session, in milliseconds.</summary>
    public required double SessionCreationMs { get; init; }

    /// <summary>The first run of the first session (cold), in milliseconds.</summary>
    public required double FirstRunMs { get; init; }

    /// <summary>The process's peak working set at the end of the run (<c>Process.PeakWorkingSet64</c>).</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>Managed bytes the process allocated during the whole run, sessions included.</summary>
    public required long ManagedBytesAllocated { get; init; }

    /// <summary>The seed of the generated inputs.</summary>
    public required int Seed { get; init; }

    /// <summary>One measurement per thread count and batch size.</summary>
    public required IReadOnlyList<ThroughputMeasurement> Measurements { get; init; }

    /// <summary>Why the run failed (a golden mismatch), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>Whether the run succeeded.</summary>
    public bool Succeeded => Failure is null;
}
