using ModelGrid.Grains.Models;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Catalog;

/// <summary>A model's catalogue entry, made the same way by the model grain and by a catalogue rebuild.</summary>
public static class CatalogEntries
{
    public static CatalogEntry From(ModelId id, ModelState state) =>
        new(id, state.Description, state.Task, state.License, [.. state.Tags], state.Visibility, state.LatestStanding(), state.UpdatedAt, state.Versions.Count(v => v.Status != VersionStatus.Draft));
}
