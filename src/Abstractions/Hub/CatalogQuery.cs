namespace ModelGrid.Hub;

/// <summary>A search of the model catalogue: free text over id, description and tags, plus exact filters, one page.</summary>
[GenerateSerializer, Immutable, Alias("grid.CatalogQuery")]
public sealed record CatalogQuery(
    [property: Id(0)] string? Search,
    [property: Id(1)] string? Owner,
    [property: Id(2)] string? Task,
    [property: Id(3)] string? Tag,
    [property: Id(4)] int Skip,
    [property: Id(5)] int Take);
