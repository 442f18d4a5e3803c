namespace ModelGrid.Evaluations;

/// <summary>What <see cref="IJobDedupGrain.Claim"/> answers.</summary>
/// <param name="JobId">The job that answers the submission: the model's existing one, or the candidate.</param>
/// <param name="OtherModelsJobs">
/// When <paramref name="JobId"/> is the candidate: the jobs other models hold for the same key, oldest entry first;
/// the submitter may reuse the result of one that succeeded in a model the caller may read. Empty otherwise.
/// </param>
[GenerateSerializer, Immutable, Alias("grid.JobClaim")]
public sealed record JobClaim(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] IReadOnlyList<Guid> OtherModelsJobs);
