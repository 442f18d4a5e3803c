namespace ModelGrid.Hub;

/// <summary>A search of the model catalogue: free text over id, description and tags, plus exact filters, one page.</summary>
public sealed record CatalogQuery(
    string? Search,
    string? Owner,
    string? Task,
    string? Tag,
    int Skip,
    int Take)
{
    /// <summary>Only models whose latest version has this openness class (<see cref="Openness.MofClass.Unclassified"/>: a record that reaches no class).</summary>
    public Openness.MofClass? OpennessClass { get; init; }
}
