namespace ModelGrid.Hub;

/// <summary>What the model catalogue keeps of each model, enough to search and list without waking every model grain.</summary>
[GenerateSerializer, Immutable, Alias("grid.CatalogEntry")]
public sealed record CatalogEntry(
    [property: Id(0)] ModelId Id,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Task,
    [property: Id(3)] string? License,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] ModelVisibility Visibility,
    [property: Id(6)] int? LatestVersion,
    [property: Id(7)] DateTimeOffset UpdatedAt);
