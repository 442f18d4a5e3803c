namespace ModelGrid.Grains.Evaluations;

/// <summary>The persisted state of a <see cref="WorkerRegistryGrain"/>: only what must outlive the connections.</summary>
[GenerateSerializer, Alias("grid.WorkerRegistryState")]
public sealed class WorkerRegistryState
{
    /// <summary>When a worker with a GPU first joined the grid; null when none ever did.</summary>
    [Id(0)] public DateTimeOffset? FirstGpuJoinedAt { get; set; }

    /// <summary>The id of that worker.</summary>
    [Id(1)] public string? FirstGpuWorker { get; set; }
}
