namespace ModelGrid.Evaluation.Metrics;

/// <summary>A percentile bootstrap interval of one metric (or, from a paired bootstrap, of the difference B − A).</summary>
/// <param name="Metric">The metric's name (<see cref="MetricNames"/>).</param>
/// <param name="Estimate">The value on the observed data (paired: version B minus version A).</param>
/// <param name="Lower">The lower percentile of the defined replicates; NaN when none is defined.</param>
/// <param name="Upper">The upper percentile of the defined replicates; NaN when none is defined.</param>
/// <param name="ValidReplicates">Replicates in which the metric was defined.</param>
/// <param name="UndefinedReplicates">Replicates in which it was undefined (NaN), dropped from the interval.</param>
public sealed record MetricInterval(string Metric, double Estimate, double Lower, double Upper, int ValidReplicates, int UndefinedReplicates)
{
    /// <summary>Whether the interval lies wholly above or below 0 (for a paired difference: a significant change).</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}
