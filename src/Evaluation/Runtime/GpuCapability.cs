namespace ModelGrid.Evaluation.Runtime;

/// <summary>Whether CUDA can be used here; <paramref name="Reason"/> says why not, <paramref name="DeviceName"/> names the GPU when known.</summary>
public sealed record GpuCapability(bool Available, string? Reason, string? DeviceName);
