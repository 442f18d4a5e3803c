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
public sealed record ModelDetails(
    ModelId Id,
    string? Description,
    string? Task,
    string? License,
    IReadOnlyList<string> Tags,
    ModelVisibility Visibility,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    int? LatestVersion,
    int VersionCount,
    int? DraftCount = null)
{
    /// <summary>The details as <paramref name="maySeeDrafts"/> allows: without the draft count for callers who may not see drafts.</summary>
    /// <param name="maySeeDrafts">Whether the caller may see the model's drafts.</param>
    public ModelDetails For(bool maySeeDrafts) => maySeeDrafts ? this : this with { DraftCount = null };
}
