namespace ModelGrid.Hub;

/// <summary>A search of the model catalogue: free text over id, description and tags, plus exact filters, one page.</summary>
public sealed record CatalogQuery(
    string? Search,
    string? Owner,
    string? Task,
    string? Tag,
    int Skip,
    int Take);
