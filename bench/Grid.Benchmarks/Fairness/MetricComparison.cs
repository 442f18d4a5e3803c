using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Benchmarks.Fairness;

/// <summary>
/// One metric from the grid and from a numpy script: the point estimates must be equal (same counts, same double
/// arithmetic); the interval endpoints may differ by Monte Carlo error only (different generators). The tolerance is
/// four standard errors of the difference of two percentile estimates from B₁ and B₂ replicates, for a normal
/// bootstrap distribution: SE(q̂₀.₀₂₅) ≈ √(0.025·0.975 / B) / φ(1.96) · σ = 2.67 σ / √B, with σ = width / 3.92.
/// </summary>
public sealed record MetricComparison(string Metric, MetricInterval Grid, double NumpyEstimate, double NumpyLower, double NumpyUpper, int NumpyReplicates)
{
    private const double StandardErrors = 4;
    private const double PercentileErrorFactor = 2.671;
    private const double WidthPerSigma = 3.92;

    public bool EstimateEqual => Grid.Estimate.Equals(NumpyEstimate);

    /// <summary>The larger gap between the grid's and numpy's endpoints.</summary>
    public double Deviation => Math.Max(Math.Abs(Grid.Lower - NumpyLower), Math.Abs(Grid.Upper - NumpyUpper));

    public double Tolerance
    {
        get
        {
            var sigma = ((Grid.Upper - Grid.Lower) + (NumpyUpper - NumpyLower)) / 2 / WidthPerSigma;
            return StandardErrors * PercentileErrorFactor * Math.Sqrt((1.0 / Grid.ValidReplicates) + (1.0 / NumpyReplicates)) * sigma;
        }
    }

    public bool WithinTolerance => Deviation <= Tolerance;

    public static IReadOnlyList<MetricComparison> Compare(BootstrapResult grid, NumpyResult numpy, int numpyReplicates) =>
        [.. numpy.Intervals.Select(p => new MetricComparison(p.Key, grid[p.Key], numpy.Estimates[p.Key], p.Value.Lower, p.Value.Upper, numpyReplicates))];
}
