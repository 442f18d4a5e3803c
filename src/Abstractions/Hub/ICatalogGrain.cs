namespace ModelGrid.Hub;

/// <summary>The searchable list of all models, kept up to date by the model grains.</summary>
[Alias("grid.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>The key of the one catalogue.</summary>
    const string Key = "all";

    /// <summary>Adds or replaces a model's entry.</summary>
    /// <param name="entry">The entry.</param>
    [Alias("Upsert")] Task Upsert(CatalogEntry entry);

    /// <summary>One page of the models the caller may see that match the query, ordered by id.</summary>
    /// <param name="query">Search text, filters and paging.</param>
    /// <param name="caller">Who asks; private models of others are left out.</param>
    [Alias("Search")] Task<CatalogPage> Search(CatalogQuery query, Auth.Principal caller);
}
