using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// Submits evaluation jobs: claims the dedup key for the job's model, records the job, lists it under its version and
/// offers it on the queue partition its id hashes to; a version whose submission an existing job answers joins it,
/// and the job records its result there. A model without a job for the key may reuse another model's succeeded
/// result, as a copy on a new job of its own, when the submitter may read that model. Every step is idempotent, so a
/// submission interrupted half-way is completed by the next one with the same key.
/// </summary>
public sealed class EvaluationSubmitter(IGrainFactory grains, IBlobStore blobs, IOptions<JobOptions> options)
{
    /// <summary>The author of the card revision that records a reused result: no worker ran it for this model.</summary>
    public const string ReusedResultAuthor = "grid (result reused)";

    /// <summary>Submits <paramref name="spec"/>, or returns the job of its model that answers its dedup key already.</summary>
    /// <param name="spec">What to run.</param>
    /// <param name="force">Run again even when a job answers the key.</param>
    /// <param name="mayRead">
    /// Whether the submitter may read a model now (the rules of every read); another model's result is reused only
    /// when this says so. Null reuses nothing.
    /// </param>
    /// <remarks>Not cancellable: a submission stopped half-way would leave the key claimed for a job that is not there.</remarks>
    public async Task<EvaluationSubmission> SubmitAsync(JobSpec spec, bool force = false, Func<ModelId, Task<bool>>? mayRead = null)
    {
        if (spec.Problem() is { } problem)
        {
            throw HubException.Invalid(problem);
        }

        var candidate = Guid.NewGuid();
        var claim = await grains.GetGrain<IJobDedupGrain>(spec.DedupKey).Claim(spec.Model, candidate, force);
        var id = claim.JobId;
        var reused = id == candidate && mayRead is not null
            ? await TryReuseAsync(id, spec, claim.OtherModelsJobs, mayRead)
            : null;
        var job = reused ?? await grains.GetGrain<IEvaluationJobGrain>(id).Submit(spec);
        await grains.GetGrain<IVersionEvaluationsGrain>(spec.VersionKey).Add(id);
        if (id != candidate)
        {
            // Another version of the model with the same files may own the job: this one waits for its result too,
            // and gets it at once when the job has succeeded (the version ignores a result it has recorded).
            job = await grains.GetGrain<IEvaluationJobGrain>(id).Join(spec.VersionKey);
        }

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

    /// <summary>
    /// Copies the result of the first succeeded job of another model the submitter may read to
    /// <c>results/{id}/1.*</c> and records job <paramref name="id"/> as succeeded with it; null when there is none.
    /// </summary>
    private async Task<JobSnapshot?> TryReuseAsync(Guid id, JobSpec spec, IReadOnlyList<Guid> others, Func<ModelId, Task<bool>> mayRead)
    {
        foreach (var other in others)
        {
            var source = await grains.GetGrain<IEvaluationJobGrain>(other).Get();
            if (source is not { Status: JobStatus.Succeeded, ResultRef: { } resultRef }
                || source.Spec.DedupKey != spec.DedupKey
                || source.Spec.Model == spec.Model
                || !await mayRead(source.Spec.Model))
            {
                continue;
            }

            if (await ReadAsync(resultRef) is not { } report)
            {
                continue;
            }

            if (await ReadAsync(HubLayout.Predictions(source.Id, source.Attempt)) is { } predictions)
            {
                await blobs.PutAsync(HubLayout.Predictions(id, 1), predictions, WriteCondition.None);
            }

            var copy = HubLayout.Result(id, 1);
            await blobs.PutAsync(copy, report, WriteCondition.None);
            return await grains.GetGrain<IEvaluationJobGrain>(id).SubmitReused(spec, copy);
        }

        return null;
    }

    private async Task<byte[]?> ReadAsync(string name)
    {
        await using var reader = await blobs.OpenReadAsync(name);
        if (reader is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
