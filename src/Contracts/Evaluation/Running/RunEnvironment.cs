namespace ModelGrid.Evaluation.Running;

/// <summary>Where a result was computed.</summary>
/// <param name="RuntimeVersion">ONNX Runtime's version.</param>
/// <param name="RequestedProvider">The execution provider asked for ("CUDA" or "CPU").</param>
/// <param name="ActualProvider">The one that ran.</param>
/// <param name="FallbackReason">Why CUDA was not used when it was asked for.</param>
/// <param name="Cpu">The CPU model.</param>
/// <param name="Gpu">The GPU model, or null.</param>
/// <param name="LogicalCores">Logical cores of the machine.</param>
/// <param name="IntraOpThreads">ONNX Runtime's intra-op threads.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Dotnet">The .NET runtime.</param>
/// <param name="HardwareClass">The hardware class results are compared within ("cpu" or "gpu").</param>
public sealed record RunEnvironment(
    string RuntimeVersion,
    string RequestedProvider,
    string ActualProvider,
    string? FallbackReason,
    string Cpu,
    string? Gpu,
    int LogicalCores,
    int IntraOpThreads,
    string Os,
    string Dotnet,
    string HardwareClass);
