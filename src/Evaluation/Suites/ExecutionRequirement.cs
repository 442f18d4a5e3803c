namespace ModelGrid.Evaluation.Suites;

/// <summary>Which execution provider a suite runs on.</summary>
public enum ExecutionRequirement
{
    /// <summary>CUDA when the worker has it, else CPU; the result records which ran.</summary>
    Auto,

    /// <summary>CPU only (throughput on CPU, for instance).</summary>
    Cpu,

    /// <summary>CUDA is required: without it the job fails instead of running on CPU.</summary>
    Gpu,
}
