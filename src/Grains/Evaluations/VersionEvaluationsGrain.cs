using ModelGrid.Evaluations;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Evaluations;

/// <summary>The evaluation jobs of one model version, in submission order.</summary>
[GrainType("version-evaluations")]
public sealed class VersionEvaluationsGrain(
    [PersistentState("evaluations", StorageNames.GrainStorage)] IPersistentState<VersionEvaluationsState> state) : Grain, IVersionEvaluationsGrain
{
    async Task IVersionEvaluationsGrain.Add(Guid jobId)
    {
        if (!state.State.Jobs.Contains(jobId))
        {
            state.State.Jobs.Add(jobId);
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<Guid>> IVersionEvaluationsGrain.List() => Task.FromResult<IReadOnlyList<Guid>>([.. state.State.Jobs]);
}
