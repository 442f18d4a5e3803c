namespace ModelGrid.Evaluation.Runtime;

/// <summary>CUDA was required (<see cref="ProviderRequest.Gpu"/>) but cannot be used on this host.</summary>
public sealed class GpuUnavailableException(string message) : Exception(message);
