namespace ModelGrid.Evaluations;

/// <summary>
/// The job that answers one <see cref="JobSpec.DedupKey"/>: a new submission with that key gets the existing job
/// unless it failed or was cancelled, or the submission forces a new run.
/// </summary>
[Alias("grid.IJobDedupGrain")]
public interface IJobDedupGrain : IGrainWithStringKey
{
    /// <summary>
    /// The job id to use for a submission: the recorded one, or <paramref name="candidate"/> (recorded from now on)
    /// when there is none, it failed or was cancelled, or <paramref name="force"/>.
    /// </summary>
    /// <param name="candidate">The new job's id.</param>
    /// <param name="force">Run again even when a job answers the key.</param>
    [Alias("Claim")] Task<Guid> Claim(Guid candidate, bool force);

    /// <summary>The job that answers the key now, or null.</summary>
    [Alias("Current")] Task<Guid?> Current();
}
