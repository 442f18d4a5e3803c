using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Running;

/// <summary>How many of a report's warnings are of one kind, for the short summary reports print.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many warnings of it.</param>
public sealed record WarningCount(MetricWarningKind Kind, int Count);
