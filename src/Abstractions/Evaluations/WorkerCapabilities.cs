namespace ModelGrid.Evaluations;

/// <summary>What a worker offers when it asks for a lease.</summary>
/// <param name="WorkerId">A name that identifies the worker (host and process) in leases and logs.</param>
/// <param name="Gpu">Whether it has a usable GPU.</param>
/// <param name="Providers">The ONNX Runtime execution providers it can use, e.g. <c>CPU</c>, <c>CUDA</c>.</param>
/// <param name="MemoryBytes">The memory it has for jobs.</param>
[GenerateSerializer, Immutable, Alias("grid.WorkerCapabilities")]
public sealed record WorkerCapabilities(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] bool Gpu,
    [property: Id(2)] IReadOnlyList<string> Providers,
    [property: Id(3)] long MemoryBytes);
