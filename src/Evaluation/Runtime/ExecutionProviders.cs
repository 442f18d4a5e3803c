namespace ModelGrid.Evaluation.Runtime;

/// <summary>The execution provider names recorded with sessions and results.</summary>
public static class ExecutionProviders
{
    public const string Cuda = "CUDA";
    public const string Cpu = "CPU";
}
