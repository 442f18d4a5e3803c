using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>One metric of a card's <c>model-index</c> result.</summary>
/// <param name="Type">The metric's name (<c>accuracy</c>, <c>demographic_parity_difference.between_groups</c>).</param>
/// <param name="Value">The figure with its interval.</param>
/// <param name="View">The fairness view it is taken over, or null for an overall figure.</param>
public sealed record CardMetric(string Type, MetricValue Value, string? View = null);
