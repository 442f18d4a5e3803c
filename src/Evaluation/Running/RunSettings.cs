namespace ModelGrid.Evaluation.Running;

/// <summary>How the runner's host wants suites run.</summary>
public sealed record RunSettings
{
    /// <summary>CUDA when the suite allows it, one intra-op thread.</summary>
    public static RunSettings Default { get; } = new();

    /// <summary>Never use CUDA (a worker configured without GPU); a suite that requires a GPU then fails.</summary>
    public bool ForceCpu { get; init; }

    /// <summary>ONNX Runtime intra-op threads for accuracy and bias suites (throughput sweeps its own).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>The GPU's name when the host has one, for the record.</summary>
    public string? GpuName { get; init; }

    /// <summary>The host's cap on a run's wall-clock limit: a suite that declares more is held to this; null for no cap.</summary>
    public TimeSpan? MaxWallClock { get; init; }

    /// <summary>The host's cap on a run's memory ceiling in bytes; null for no cap.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>How often the process's working set is compared with the memory ceiling while a run goes on.</summary>
    public TimeSpan MemorySampleInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The clock of the wall-clock limit; null for the system clock.</summary>
    public TimeProvider? Time { get; init; }
}
