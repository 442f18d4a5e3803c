namespace ModelGrid.Evaluation.Metrics;

/// <summary>Percentile bootstrap intervals of every metric of a report (or of every paired difference).</summary>
/// <param name="Intervals">One interval per metric, in the statistic's order.</param>
/// <param name="Replicates">B.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="ConfidenceLevel">The coverage of each interval.</param>
/// <param name="Resampling">How the replicates were drawn.</param>
/// <param name="Warnings">One per metric with undefined replicates.</param>
public sealed record BootstrapResult(
    IReadOnlyList<MetricInterval> Intervals,
    int Replicates,
    ulong Seed,
    double ConfidenceLevel,
    BootstrapResampling Resampling,
    IReadOnlyList<MetricWarning> Warnings)
{
    /// <summary>The interval of the named metric.</summary>
    /// <exception cref="KeyNotFoundException">No such metric.</exception>
    public MetricInterval this[string metric] =>
        Intervals.FirstOrDefault(i => string.Equals(i.Metric, metric, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No interval for '{metric}'.");
}
