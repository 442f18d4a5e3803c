namespace ModelGrid.Hub;

/// <summary>A version as the hub shows it: status, files and, once published, its revision id.</summary>
[GenerateSerializer, Immutable, Alias("grid.VersionDetails")]
public sealed record VersionDetails(
    [property: Id(0)] ModelId Model,
    [property: Id(1)] int Number,
    [property: Id(2)] VersionStatus Status,
    [property: Id(3)] string? RevisionId,
    [property: Id(4)] IReadOnlyList<DeclaredFile> Files,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset? PublishedAt,
    [property: Id(8)] string? PublishedBy,
    [property: Id(9)] DateTimeOffset? WithdrawnAt,
    [property: Id(10)] string? WithdrawnBy,
    [property: Id(11)] string? WithdrawnReason,
    [property: Id(12)] int CardRevisions,
    [property: Id(13)] bool HasDraftCard)
{
    /// <summary>The total size of the version's files in bytes.</summary>
    public long TotalBytes => Files.Sum(f => f.Size);
}
