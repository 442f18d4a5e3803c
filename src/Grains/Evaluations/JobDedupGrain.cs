using ModelGrid.Evaluations;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Evaluations;

/// <summary>Which job answers one dedup key; one grain per key, so submissions of different keys never wait on each other.</summary>
[GrainType("job-dedup")]
public sealed class JobDedupGrain(
    [PersistentState("dedup", StorageNames.GrainStorage)] IPersistentState<JobDedupState> state) : Grain, IJobDedupGrain
{
    async Task<Guid> IJobDedupGrain.Claim(Guid candidate, bool force)
    {
        var s = state.State;
        if (s.Current is { } current && current != candidate && !force)
        {
            var job = await GrainFactory.GetGrain<IEvaluationJobGrain>(current).Get();

            // Not there yet means its submitter is between this claim and the job's Submit: the job is coming, so it answers.
            if (job is null || job.Status is not (JobStatus.Failed or JobStatus.Cancelled))
            {
                return current;
            }
        }

        if (s.Current == candidate)
        {
            return candidate;
        }

        if (s.Current is { } replaced)
        {
            s.Previous.Add(replaced);
        }

        s.Current = candidate;
        await state.WriteStateAsync();
        return candidate;
    }

    Task<Guid?> IJobDedupGrain.Current() => Task.FromResult(state.State.Current);
}
