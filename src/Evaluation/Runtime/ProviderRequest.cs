namespace ModelGrid.Evaluation.Runtime;

/// <summary>Which execution provider a session should run on.</summary>
public enum ProviderRequest
{
    /// <summary>CUDA when it loads, otherwise CPU (the fallback and its reason are recorded).</summary>
    Auto,

    /// <summary>CPU only; CUDA is not tried.</summary>
    Cpu,

    /// <summary>CUDA required: opening fails with <see cref="GpuUnavailableException"/> instead of falling back.</summary>
    Gpu,
}
