using ModelGrid.Grains.Models;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Catalog;

/// <summary>A model's catalogue entry, made the same way by the model grain and by a catalogue rebuild.</summary>
public static class CatalogEntries
{
    public static CatalogEntry From(ModelId id, ModelState state)
    {
        var latest = state.LatestStanding();
        return new(id, state.Description, state.Task, state.License, [.. state.Tags], state.Visibility, latest, state.UpdatedAt, state.Versions.Count(v => v.Status != VersionStatus.Draft))
        {
            OpennessClass = latest is { } n && state.OpennessClasses?.TryGetValue(n, out var cls) == true ? cls : null,
        };
    }
}
