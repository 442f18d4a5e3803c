using ModelGrid.Evaluation.Running;

namespace ModelGrid.Cards;

/// <summary>One recorded evaluation as a card shows it: the report and the job that produced it.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Attempt">The attempt whose result was recorded.</param>
/// <param name="Report">The report.</param>
public sealed record RecordedResult(Guid JobId, int Attempt, EvaluationReport Report);
