using ModelGrid.Auth;
using ModelGrid.Evaluations;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Web;

/// <summary>
/// The home page's search: the catalogue's own search (which leaves out private models the caller may not read, as
/// <c>GET /api/v1/models</c> does), then the licence filter and the order the page offers.
/// </summary>
public static class ModelList
{
    /// <summary>Models per page.</summary>
    public const int PageSize = 20;

    // The catalogue's largest page (as the API's pageSize); the page filters and orders within it.
    private const int CatalogTake = 500;

    /// <summary>The page of models <paramref name="filter"/> asks for, as <paramref name="caller"/> may see them.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="filter">The search.</param>
    public static async Task<ModelListing> SearchAsync(IGrainFactory grains, Principal caller, ModelListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(filter);
        var found = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key)
            .Search(new CatalogQuery(filter.Search, filter.Owner, filter.Task, filter.Tag, 0, CatalogTake), caller);
        var entries = found.Items
            .Where(e => filter.License is null || string.Equals(e.License, filter.License, StringComparison.OrdinalIgnoreCase))
            .ToList();

        IReadOnlyList<ModelListItem> ordered;
        if (filter.Sort == ModelListSort.Evaluated)
        {
            var counted = await Task.WhenAll(entries.Select(e => CountAsync(grains, e)));
            ordered = [.. counted.OrderByDescending(m => m.Evaluations).ThenByDescending(m => m.Entry.UpdatedAt).ThenBy(m => m.Entry.Id.ToString(), StringComparer.Ordinal)];
        }
        else
        {
            ordered = [.. entries.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id.ToString(), StringComparer.Ordinal).Select(e => new ModelListItem(e, -1))];
        }

        var page = ordered.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToList();
        if (filter.Sort == ModelListSort.Recent)
        {
            page = [.. await Task.WhenAll(page.Select(m => CountAsync(grains, m.Entry)))];
        }

        return new ModelListing(page, entries.Count);
    }

    private static async Task<ModelListItem> CountAsync(IGrainFactory grains, CatalogEntry entry)
    {
        var versions = await grains.GetGrain<IModelGrain>(entry.Id.ToString()).ListVersions();
        var counts = await Task.WhenAll(versions
            .Where(v => v.Status != VersionStatus.Draft)
            .Select(v => grains.GetGrain<IVersionEvaluationsGrain>(entry.Id.VersionKey(v.Number)).List()));
        return new ModelListItem(entry, counts.Sum(c => c.Count));
    }
}
