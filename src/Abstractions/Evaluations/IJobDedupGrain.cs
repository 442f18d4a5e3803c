namespace ModelGrid.Evaluations;

/// <summary>
/// The jobs of one <see cref="JobSpec.DedupKey"/>, one entry per model: a job belongs to exactly one model, and a new
/// submission for a model gets that model's job back unless it failed or was cancelled, or the submission forces a
/// new run. The other models' entries are the index the submitter looks in for a result it may reuse as a copy.
/// </summary>
[Alias("grid.IJobDedupGrain")]
public interface IJobDedupGrain : IGrainWithStringKey
{
    /// <summary>
    /// The job to use for a submission of <paramref name="model"/>: the model's recorded one, or
    /// <paramref name="candidate"/> (recorded from now on) when there is none, it failed or was cancelled, or
    /// <paramref name="force"/>. With a new job (and without <paramref name="force"/>) the answer also lists the
    /// jobs other models hold for the key.
    /// </summary>
    /// <param name="model">The model the submission evaluates.</param>
    /// <param name="candidate">The new job's id.</param>
    /// <param name="force">Run again even when a job answers the key.</param>
    [Alias("Claim")] Task<JobClaim> Claim(ModelId model, Guid candidate, bool force);

    /// <summary>The job that answers the key for <paramref name="model"/> now, or null.</summary>
    /// <param name="model">The model.</param>
    [Alias("Current")] Task<Guid?> Current(ModelId model);
}
