namespace ModelGrid.Hub;

/// <summary>A version as the hub shows it: status, files and, once published, its revision id.</summary>
public sealed record VersionDetails(
    ModelId Model,
    int Number,
    VersionStatus Status,
    string? RevisionId,
    IReadOnlyList<DeclaredFile> Files,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnBy,
    string? WithdrawnReason,
    int CardRevisions,
    bool HasDraftCard)
{
    /// <summary>The total size of the version's files in bytes.</summary>
    public long TotalBytes => Files.Sum(f => f.Size);
}
