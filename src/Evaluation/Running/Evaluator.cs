namespace ModelGrid.Evaluation.Running;

/// <summary>The evaluator's identity, part of every job's dedup key.</summary>
public static class Evaluator
{
    /// <summary>
    /// Changes whenever the evaluator would compute a different figure from the same model, suite and data, so
    /// results of an older evaluator are never taken for a newer one's.
    /// </summary>
    public const string Version = "modelgrid-eval/1";
}
