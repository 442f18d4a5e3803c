namespace ModelGrid.Benchmarks.Fairness;

/// <summary>
/// Everything one <c>fairness</c> run measured: the timed grid rounds (<c>Grid</c>), the first, untimed grid pass of
/// the process (<c>GridCold</c>, JIT and first touch included), the numpy cell-multinomial script once per round
/// (<c>Multinomial</c>), the numpy naive script run once (<c>Naive</c>), and the checks.
/// </summary>
public sealed record FairnessBenchReport(
    FairnessBenchOptions Options,
    HostInfo Machine,
    string NumpyVersion,
    DateTimeOffset Started,
    TimeSpan Duration,
    double OtherLoadBefore,
    double OtherLoadDuring,
    double GenerateMs,
    long RowsFileBytes,
    IReadOnlyList<GridFairnessRun> Grid,
    GridFairnessRun GridCold,
    IReadOnlyList<NumpyResult> Multinomial,
    NumpyResult Naive,
    bool CellsEqual,
    IReadOnlyList<MetricComparison> VersusMultinomial,
    IReadOnlyList<MetricComparison> VersusNaive)
{
    /// <summary>The count metrics (evaluate + bootstrap after counting) must take at most this long.</summary>
    public const double CountMetricsGoalMs = 50;

    public Samples GridTotal => new([.. Grid.Select(g => g.TotalMs)]);

    public Samples GridCountMetrics => new([.. Grid.Select(g => g.CountMetricsMs)]);

    public Samples MultinomialTotal => new([.. Multinomial.Select(m => m.TotalMs)]);

    /// <summary>numpy's best: the faster of its two variants (medians).</summary>
    public double NumpyBestMs => Math.Min(MultinomialTotal.Median, Naive.TotalMs);

    public bool ChecksPassed =>
        CellsEqual && VersusMultinomial.Concat(VersusNaive).All(c => c.EstimateEqual && c.WithinTolerance);
}
