namespace ModelGrid.Hub;

/// <summary>The line a model keeps for each of its versions.</summary>
public sealed record VersionSummary(
    int Number,
    VersionStatus Status,
    string? RevisionId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? PublishedAt);
