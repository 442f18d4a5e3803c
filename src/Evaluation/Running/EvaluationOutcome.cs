namespace ModelGrid.Evaluation.Running;

/// <summary>A report and the per-row predictions behind it (none for throughput).</summary>
/// <param name="Report">The report.</param>
/// <param name="Predictions">The per-row predictions, or null.</param>
public sealed record EvaluationOutcome(EvaluationReport Report, RowPredictions? Predictions);
