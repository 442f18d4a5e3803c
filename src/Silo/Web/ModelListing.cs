namespace ModelGrid.Silo.Web;

/// <summary>One page of the home page's models and how many matched in all.</summary>
/// <param name="Items">The models on this page.</param>
/// <param name="Total">How many matched.</param>
public sealed record ModelListing(IReadOnlyList<ModelListItem> Items, int Total);
