using ModelGrid.Auth;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Auth;

/// <summary>The sorted set of owner names.</summary>
[GrainType("owners")]
public sealed class OwnerDirectoryGrain(
    [PersistentState("owners", StorageNames.GrainStorage)] IPersistentState<SortedSet<string>> state) : Grain, IOwnerDirectoryGrain
{
    async Task IOwnerDirectoryGrain.Add(string owner)
    {
        if (state.State.Add(owner))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> IOwnerDirectoryGrain.List() => Task.FromResult<IReadOnlyList<string>>([.. state.State]);
}
