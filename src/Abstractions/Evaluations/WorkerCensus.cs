namespace ModelGrid.Evaluations;

/// <summary>The workers the grid knows of, as <see cref="IWorkerRegistryGrain.Census"/> answers.</summary>
/// <param name="Connected">Workers whose last heartbeat is younger than a lease.</param>
/// <param name="ConnectedWithGpu">Those of them with a GPU.</param>
/// <param name="GpuEverJoined">Whether a worker with a GPU has ever joined this grid.</param>
[GenerateSerializer, Immutable, Alias("grid.WorkerCensus")]
public sealed record WorkerCensus(
    [property: Id(0)] int Connected,
    [property: Id(1)] int ConnectedWithGpu,
    [property: Id(2)] bool GpuEverJoined);
