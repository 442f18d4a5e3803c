namespace ModelGrid.Evaluations;

/// <summary>An evaluation job as its grain holds it.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Spec">What it runs.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Attempt">The attempt that runs now or runs next (1 for the first).</param>
/// <param name="LeaseId">The fencing token of the current attempt's lease; null before the first lease.</param>
/// <param name="Worker">The worker that holds (or last held) the lease.</param>
/// <param name="LeaseExpiresAt">When the current lease expires unless renewed.</param>
/// <param name="FailureReason">Why it failed or who cancelled it.</param>
/// <param name="ResultRef">The blob name of the result, when it succeeded.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="StartedAt">When the current attempt was leased.</param>
/// <param name="CompletedAt">When it reached a final status.</param>
/// <param name="ResultReused">
/// Whether the job succeeded at once with a copy of a result measured earlier on the same files (in a model the
/// submitter could read) instead of running; the copy is this job's own, and names nothing of the run it came from.
/// </param>
public sealed record JobSnapshot(
    Guid Id,
    JobSpec Spec,
    JobStatus Status,
    int Attempt,
    string? LeaseId,
    string? Worker,
    DateTimeOffset? LeaseExpiresAt,
    string? FailureReason,
    string? ResultRef,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    bool ResultReused = false)
{
    /// <summary>Whether the job has reached a status it never leaves.</summary>
    public bool IsFinal => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
