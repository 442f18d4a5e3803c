namespace ModelGrid.Evaluations;

/// <summary>A worker's right to run one attempt of a job until <paramref name="ExpiresAt"/> unless renewed.</summary>
/// <param name="JobId">The job.</param>
/// <param name="LeaseId">The fencing token every later call about this attempt presents.</param>
/// <param name="Attempt">The attempt number (1 for the first).</param>
/// <param name="ExpiresAt">When the lease lapses unless renewed.</param>
/// <param name="Spec">What to run.</param>
[GenerateSerializer, Immutable, Alias("grid.JobLease")]
public sealed record JobLease(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] string LeaseId,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] JobSpec Spec);
