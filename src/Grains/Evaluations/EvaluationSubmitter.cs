using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// Submits evaluation jobs: claims the dedup key, records the job, lists it under its version and offers it on the
/// queue partition its id hashes to. Every step is idempotent, so a submission interrupted half-way is completed
/// by the next one with the same key.
/// </summary>
public sealed class EvaluationSubmitter(IGrainFactory grains, IOptions<JobOptions> options)
{
    /// <summary>Submits <paramref name="spec"/>, or returns the job that answers its dedup key already.</summary>
    /// <param name="spec">What to run.</param>
    /// <param name="force">Run again even when a job answers the key.</param>
    public async Task<EvaluationSubmission> SubmitAsync(JobSpec spec, bool force = false)
    {
        if (spec.Problem() is { } problem)
        {
            throw HubException.Invalid(problem);
        }

        var candidate = Guid.NewGuid();
        var id = await grains.GetGrain<IJobDedupGrain>(spec.DedupKey).Claim(candidate, force);
        var job = await grains.GetGrain<IEvaluationJobGrain>(id).Submit(spec);
        await grains.GetGrain<IVersionEvaluationsGrain>(job.Spec.VersionKey).Add(id);
        if (job.Status == JobStatus.Queued)
        {
            // Enqueueing an indexed id changes nothing, so a queued duplicate is offered again at no cost.
            await grains.GetGrain<IJobQueueGrain>(PartitionOf(job)).Enqueue(id);
        }

        return new EvaluationSubmission(job, id != candidate);
    }

    /// <summary>The queue partition that holds a job.</summary>
    /// <param name="job">The job.</param>
    public string PartitionOf(JobSnapshot job) => JobPartitions.For(job.Spec.HardwareClass, job.Id, options.Value.Partitions);
}
