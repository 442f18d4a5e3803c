namespace ModelGrid.Grains.Evaluations;

/// <summary>The persisted state of a <see cref="VersionEvaluationsGrain"/>.</summary>
[GenerateSerializer, Alias("grid.VersionEvaluationsState")]
public sealed class VersionEvaluationsState
{
    [Id(0)] public List<Guid> Jobs { get; set; } = [];
}
