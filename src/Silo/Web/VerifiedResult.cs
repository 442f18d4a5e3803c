using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Web;

/// <summary>A result the grid measured and recorded on a version: where it came from, and its figures as the card lists them.</summary>
/// <param name="Record">The recorded evaluation: job, attempt, suite, hardware class, worker, time.</param>
/// <param name="Report">The stored report.</param>
/// <param name="Metrics">The figures with intervals, as the card's <c>model-index</c> has them.</param>
public sealed record VerifiedResult(EvaluationRecord Record, EvaluationReport Report, IReadOnlyList<CardMetric> Metrics);
