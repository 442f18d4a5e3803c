using ModelGrid.Evaluations;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// The jobs of one dedup key, one per model; one grain per key, so submissions of different keys never wait on each
/// other, and the entries of other models are at hand as the index of results that may be reused.
/// </summary>
[GrainType("job-dedup")]
public sealed class JobDedupGrain(
    [PersistentState("dedup", StorageNames.GrainStorage)] IPersistentState<JobDedupState> state) : Grain, IJobDedupGrain
{
    async Task<JobClaim> IJobDedupGrain.Claim(ModelId model, Guid candidate, bool force)
    {
        await MoveLegacyEntryAsync();
        var s = state.State;
        var key = model.ToString();
        var has = s.ByModel.TryGetValue(key, out var current);
        if (has && current != candidate && !force)
        {
            var job = await GrainFactory.GetGrain<IEvaluationJobGrain>(current).Get();

            // Not there yet means its submitter is between this claim and the job's Submit: the job is coming, so it answers.
            if (job is null || job.Status is not (JobStatus.Failed or JobStatus.Cancelled))
            {
                return new JobClaim(current, []);
            }
        }

        if (!has || current != candidate)
        {
            if (has)
            {
                s.Previous.Add(current);
            }

            s.ByModel[key] = candidate;
            await state.WriteStateAsync();
        }

        IReadOnlyList<Guid> others = force ? [] : [.. s.ByModel.Where(e => e.Key != key).Select(e => e.Value)];
        return new JobClaim(candidate, others);
    }

    async Task<Guid?> IJobDedupGrain.Current(ModelId model)
    {
        await MoveLegacyEntryAsync();
        return state.State.ByModel.TryGetValue(model.ToString(), out var job) ? job : null;
    }

    /// <summary>
    /// A key written when one job answered every model: that job belongs to the model it ran for. One that never got
    /// recorded (its submitter stopped between claim and submit) answers no model.
    /// </summary>
    private async Task MoveLegacyEntryAsync()
    {
        var s = state.State;
        if (s.Current is not { } legacy)
        {
            return;
        }

        if (await GrainFactory.GetGrain<IEvaluationJobGrain>(legacy).Get() is { } job)
        {
            s.ByModel.TryAdd(job.Spec.Model.ToString(), legacy);
        }
        else
        {
            s.Previous.Add(legacy);
        }

        s.Current = null;
        await state.WriteStateAsync();
    }
}
