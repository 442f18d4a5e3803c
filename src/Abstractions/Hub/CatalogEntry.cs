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
[GenerateSerializer, Immutable, Alias("grid.CatalogEntry")]
public sealed record CatalogEntry(
    [property: Id(0)] ModelId Id,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Task,
    [property: Id(3)] string? License,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] ModelVisibility Visibility,
    [property: Id(6)] int? LatestVersion,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] int VersionCount = 0);
