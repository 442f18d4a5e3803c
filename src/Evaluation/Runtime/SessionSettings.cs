using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>How a model session is created.</summary>
public sealed record SessionSettings
{
    public ProviderRequest Provider { get; init; } = ProviderRequest.Auto;

    /// <summary>Intra-op threads; small models are fastest and steadiest with 1 (onnxruntime-notes §3).</summary>
    [Range(1, 1024)]
    public int IntraOpThreads { get; init; } = 1;

    [Range(1, 1024)]
    public int InterOpThreads { get; init; } = 1;

    [Range(0, 1024)]
    public int GpuDeviceId { get; init; }

    /// <summary>
    /// Whether ONNX Runtime keeps freed CPU memory in its arena for reuse. Off by default: freed tensors go back to the
    /// system, so the process's working set follows what a run holds and the memory ceiling measures the run, not
    /// what an earlier one left in the arena (on CPU the arena made no measurable difference to throughput).
    /// </summary>
    public bool CpuMemoryArena { get; init; }
}
