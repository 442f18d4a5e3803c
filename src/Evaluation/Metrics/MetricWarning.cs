namespace ModelGrid.Evaluation.Metrics;

/// <summary>A warning attached to a report.</summary>
/// <param name="Kind">What kind of warning it is.</param>
/// <param name="Subject">What it is about: a group name or a metric name.</param>
/// <param name="Message">One readable sentence.</param>
public sealed record MetricWarning(MetricWarningKind Kind, string Subject, string Message);
