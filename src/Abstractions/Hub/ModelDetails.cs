namespace ModelGrid.Hub;

/// <summary>A model as the hub shows it.</summary>
/// <param name="Id">The model's id.</param>
/// <param name="Description">What the model is.</param>
/// <param name="Task">The task, e.g. <c>image-classification</c>.</param>
/// <param name="License">An SPDX licence id or expression.</param>
/// <param name="Tags">Tags, sorted.</param>
/// <param name="Visibility">Public or private.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="UpdatedAt">When its metadata or versions last changed.</param>
/// <param name="LatestVersion">The newest standing (published, not withdrawn) version, if any.</param>
/// <param name="VersionCount">Published and withdrawn versions: the ones every reader of the model may see. Drafts are not counted.</param>
/// <param name="DraftCount">Open drafts; only for callers who may see them (publishers of the owner's namespace), null for others.</param>
[GenerateSerializer, Immutable, Alias("grid.ModelDetails")]
public sealed record ModelDetails(
    [property: Id(0)] ModelId Id,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Task,
    [property: Id(3)] string? License,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] ModelVisibility Visibility,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string CreatedBy,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] int? LatestVersion,
    [property: Id(10)] int VersionCount,
    [property: Id(11)] int? DraftCount = null)
{
    /// <summary>The details as <paramref name="maySeeDrafts"/> allows: without the draft count for callers who may not see drafts.</summary>
    /// <param name="maySeeDrafts">Whether the caller may see the model's drafts.</param>
    public ModelDetails For(bool maySeeDrafts) => maySeeDrafts ? this : this with { DraftCount = null };
}
