namespace ModelGrid.Evaluation.Running;

/// <summary>One reported figure with its percentile bootstrap interval.</summary>
/// <param name="Name">The metric's name (Fairlearn's words, <see cref="Metrics.MetricNames"/>).</param>
/// <param name="Value">The estimate on all rows; NaN when undefined.</param>
/// <param name="Lower">The interval's lower end (NaN when no replicate was defined).</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="ValidReplicates">Replicates in which the metric was defined.</param>
/// <param name="UndefinedReplicates">Replicates dropped because the metric was undefined.</param>
public sealed record MetricValue(string Name, double Value, double Lower, double Upper, int ValidReplicates, int UndefinedReplicates);
