namespace ModelGrid.Hub;

/// <summary>One page of catalogue results and how many matched in all.</summary>
[GenerateSerializer, Immutable, Alias("grid.CatalogPage")]
public sealed record CatalogPage(
    [property: Id(0)] IReadOnlyList<CatalogEntry> Items,
    [property: Id(1)] int Total);
