namespace ModelGrid.Hub;

/// <summary>What the model catalogue keeps of each model, enough to search and list without waking every model grain.</summary>
/// <param name="Id">The model's id.</param>
/// <param name="Description">What the model is.</param>
/// <param name="Task">The task.</param>
/// <param name="License">The licence.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Visibility">Public or private.</param>
/// <param name="LatestVersion">The newest standing version, if any.</param>
/// <param name="UpdatedAt">When the model last changed.</param>
/// <param name="VersionCount">Published and withdrawn versions: drafts are not counted (the model's details give its owner the draft count).</param>
public sealed record CatalogEntry(
    ModelId Id,
    string? Description,
    string? Task,
    string? License,
    IReadOnlyList<string> Tags,
    ModelVisibility Visibility,
    int? LatestVersion,
    DateTimeOffset UpdatedAt,
    int VersionCount = 0)
{
    /// <summary>The Model Openness Framework class of the version <c>latest</c> names, when it has an openness record.</summary>
    public Openness.MofClass? OpennessClass { get; init; }
}
