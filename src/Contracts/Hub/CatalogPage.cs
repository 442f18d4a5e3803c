namespace ModelGrid.Hub;

/// <summary>One page of catalogue results and how many matched in all.</summary>
public sealed record CatalogPage(
    IReadOnlyList<CatalogEntry> Items,
    int Total);
