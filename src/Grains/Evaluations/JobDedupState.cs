namespace ModelGrid.Grains.Evaluations;

/// <summary>The persisted state of a <see cref="JobDedupGrain"/>.</summary>
[GenerateSerializer, Alias("grid.JobDedupState")]
public sealed class JobDedupState
{
    /// <summary>The job that answers the key now.</summary>
    [Id(0)] public Guid? Current { get; set; }

    /// <summary>The jobs that answered it before, oldest first (failed, cancelled, or replaced by a forced run).</summary>
    [Id(1)] public List<Guid> Previous { get; set; } = [];
}
