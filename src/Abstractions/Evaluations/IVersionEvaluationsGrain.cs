namespace ModelGrid.Evaluations;

/// <summary>The evaluation jobs submitted for one model version, keyed <c>owner/name@N</c>.</summary>
[Alias("grid.IVersionEvaluationsGrain")]
public interface IVersionEvaluationsGrain : IGrainWithStringKey
{
    /// <summary>Records a job of the version; recording it twice changes nothing.</summary>
    /// <param name="jobId">The job.</param>
    [Alias("Add")] Task Add(Guid jobId);

    /// <summary>The version's job ids, in the order they were submitted.</summary>
    [Alias("List")] Task<IReadOnlyList<Guid>> List();
}
