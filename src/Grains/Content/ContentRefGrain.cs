using ModelGrid.Hub;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Content;

/// <summary>The versions that use one digest. It calls no other grain, so it can never be part of a call cycle.</summary>
[GrainType("contentref")]
public sealed class ContentRefGrain(
    [PersistentState("contentref", StorageNames.GrainStorage)] IPersistentState<List<ContentReference>> state) : Grain, IContentRefGrain
{
    async Task IContentRefGrain.Add(ContentReference reference)
    {
        if (!state.State.Contains(reference))
        {
            state.State.Add(reference);
            await state.WriteStateAsync();
        }
    }

    async Task IContentRefGrain.Remove(ContentReference reference)
    {
        if (state.State.Remove(reference))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<ContentReference>> IContentRefGrain.List() =>
        Task.FromResult<IReadOnlyList<ContentReference>>([.. state.State]);
}
