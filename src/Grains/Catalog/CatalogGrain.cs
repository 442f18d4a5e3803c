using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Catalog;

/// <summary>
/// The searchable list of all models, one entry per model, updated by the model grains. It holds one small
/// record per model in memory; at hundreds of thousands of models it would be split by owner.
/// </summary>
[GrainType("catalog")]
public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.GrainStorage)] IPersistentState<Dictionary<string, CatalogEntry>> state) : Grain, ICatalogGrain
{
    async Task ICatalogGrain.Upsert(CatalogEntry entry)
    {
        state.State[entry.Id.ToString()] = entry;
        await state.WriteStateAsync();
    }

    Task<CatalogPage> ICatalogGrain.Search(CatalogQuery query, Principal caller)
    {
        var matches = state.State.Values
            .Where(e => caller.CanRead(e.Id.Owner, e.Visibility == ModelVisibility.Public))
            .Where(e => query.Owner is null || e.Id.Owner == query.Owner)
            .Where(e => query.Task is null || e.Task == query.Task)
            .Where(e => query.Tag is null || e.Tags.Contains(query.Tag))
            .Where(e => string.IsNullOrWhiteSpace(query.Search) || Matches(e, query.Search.Trim()))
            .OrderBy(e => e.Id.ToString(), StringComparer.Ordinal)
            .ToList();
        var page = matches.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToList();
        return Task.FromResult(new CatalogPage(page, matches.Count));
    }

    private static bool Matches(CatalogEntry entry, string text) =>
        entry.Id.ToString().Contains(text, StringComparison.OrdinalIgnoreCase)
        || (entry.Description?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || entry.Tags.Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase));
}
