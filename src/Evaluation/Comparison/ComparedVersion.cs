using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Comparison;

/// <summary>One version's recorded result on the suite being compared.</summary>
/// <param name="Version">The version number.</param>
/// <param name="Report">Its report.</param>
/// <param name="Predictions">Its per-row predictions.</param>
public sealed record ComparedVersion(int Version, EvaluationReport Report, RowPredictions Predictions);
