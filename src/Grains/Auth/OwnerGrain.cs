using ModelGrid.Auth;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Auth;

/// <summary>An owner namespace and the ids of its tokens.</summary>
[GrainType("owner")]
public sealed class OwnerGrain(
    [PersistentState("owner", StorageNames.GrainStorage)] IPersistentState<OwnerState> state,
    TimeProvider time) : Grain, IOwnerGrain
{
    async Task<OwnerInfo> IOwnerGrain.Ensure(string by)
    {
        if (!state.RecordExists)
        {
            state.State.CreatedAt = time.GetUtcNow();
            state.State.CreatedBy = by;
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<IOwnerDirectoryGrain>(IOwnerDirectoryGrain.Key).Add(this.GetPrimaryKeyString());
        }

        return Info();
    }

    Task<OwnerInfo?> IOwnerGrain.Get() => Task.FromResult(state.RecordExists ? Info() : null);

    async Task IOwnerGrain.AddToken(string tokenId)
    {
        if (!state.State.TokenIds.Contains(tokenId))
        {
            state.State.TokenIds.Add(tokenId);
            await state.WriteStateAsync();
        }
    }

    private OwnerInfo Info() => new(this.GetPrimaryKeyString(), state.State.CreatedAt, state.State.CreatedBy, [.. state.State.TokenIds]);
}
