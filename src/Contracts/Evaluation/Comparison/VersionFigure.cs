using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Comparison;

/// <summary>One version's figure for one metric, and its difference from the baseline.</summary>
/// <param name="Version">The version.</param>
/// <param name="Value">The figure with its interval.</param>
/// <param name="Delta">This version minus the baseline, with the paired bootstrap interval; null for the baseline itself.</param>
/// <param name="Significant">Whether the paired interval excludes 0; null for the baseline or an undefined delta.</param>
public sealed record VersionFigure(int Version, MetricValue? Value, MetricValue? Delta, bool? Significant);
