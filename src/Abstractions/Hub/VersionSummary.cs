namespace ModelGrid.Hub;

/// <summary>The line a model keeps for each of its versions.</summary>
[GenerateSerializer, Immutable, Alias("grid.VersionSummary")]
public sealed record VersionSummary(
    [property: Id(0)] int Number,
    [property: Id(1)] VersionStatus Status,
    [property: Id(2)] string? RevisionId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? PublishedAt);
