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
}
