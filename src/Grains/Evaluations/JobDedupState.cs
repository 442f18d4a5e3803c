namespace ModelGrid.Grains.Evaluations;

/// <summary>The persisted state of a <see cref="JobDedupGrain"/>.</summary>
[GenerateSerializer, Alias("grid.JobDedupState")]
public sealed class JobDedupState
{
    /// <summary>
    /// Written by grids that kept one job per key for every model; such a job is moved into <see cref="ByModel"/>
    /// under its own model when the grain first reads it, and this is null from then on.
    /// </summary>
    [Id(0)] public Guid? Current { get; set; }

    /// <summary>The jobs that answered a model before, oldest first (failed, cancelled, or replaced by a forced run).</summary>
    [Id(1)] public List<Guid> Previous { get; set; } = [];

    /// <summary>The job that answers the key for each model (<c>owner/name</c>), in the order the models first claimed it.</summary>
    [Id(2)] public Dictionary<string, Guid> ByModel { get; set; } = new(StringComparer.Ordinal);
}
