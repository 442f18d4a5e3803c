using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>ROC AUC, log-loss, Brier and ECE of binary scores; expected values hand-computed and checked with sklearn 1.2.1.</summary>
public sealed class ScoreMetricsTests
{
    private const double Exact = 1e-9;

    // fairness.md §1.5 calibration vector.
    private static readonly int[] CalibrationLabels = [0, 0, 1, 1, 1, 0, 1, 0, 1, 1];
    private static readonly double[] CalibrationScores = [.05, .15, .35, .45, .55, .65, .75, .85, .95, 1.0];

    [Fact]
    public void RocAuc_TiedScores_CountsTiesAsHalf()
    {
        // Positives at .4, .8, .9; negatives at .1, .4, .8: (1 + ½) + (2 + ½) + 3 = 7 of 9 pairs.
        var auc = ScoreMetrics.RocAuc([0, 0, 1, 1, 0, 1], [.1, .4, .4, .8, .8, .9]);

        Assert.Equal(7.0 / 9, auc, Exact);
    }

    [Fact]
    public void RocAuc_AllScoresTied_IsOneHalf()
    {
        Assert.Equal(0.5, ScoreMetrics.RocAuc([0, 1, 0, 1], [.3, .3, .3, .3]));
    }

    [Fact]
    public void RocAuc_CalibrationVector_MatchesSklearn()
    {
        Assert.Equal(0.7083333333333333, ScoreMetrics.RocAuc(CalibrationLabels, CalibrationScores), Exact);
    }

    [Fact]
    public void RocAuc_SingleClass_IsNaNWithWarning()
    {
        var report = ScoreMetrics.Evaluate([1, 1, 1], [.2, .5, .9]);

        Assert.True(double.IsNaN(report.RocAuc));
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.MissingClass);
        Assert.False(double.IsNaN(report.LogLoss));
    }

    [Fact]
    public void LogLoss_HandVector_IsMeanNegativeLogOfTrueClass()
    {
        var loss = ScoreMetrics.LogLoss([1, 0, 1], [.9, .2, .6]);

        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.6)) / 3, loss, 1e-12);
        Assert.Equal(0.2797765635793423, loss, Exact);
    }

    [Fact]
    public void LogLoss_ZeroProbabilityOfTrueClass_IsClippedAtMachineEpsilon()
    {
        // sklearn 1.2.1: log_loss([1, 0], [0.0, 0.0]) = 18.021826694558577 (−log 2^−52 / 2 plus a tiny term).
        Assert.Equal(18.021826694558577, ScoreMetrics.LogLoss([1, 0], [0.0, 0.0]), 1e-12);
        Assert.Equal(2.220446049250313e-16, ScoreMetrics.LogLossEpsilon);
    }

    [Fact]
    public void LogLoss_CalibrationVector_MatchesSklearn()
    {
        Assert.Equal(0.5945896521581286, ScoreMetrics.LogLoss(CalibrationLabels, CalibrationScores), Exact);
    }

    [Fact]
    public void BrierScore_CalibrationVector_MatchesDocumentedValue()
    {
        Assert.Equal(0.21625, ScoreMetrics.BrierScore(CalibrationLabels, CalibrationScores), Exact);
    }

    [Theory]
    [InlineData(10, 0.365)]
    [InlineData(5, 0.305)]
    public void ExpectedCalibrationError_CalibrationVector_MatchesDocumentedValue(int bins, double expected)
    {
        Assert.Equal(expected, ScoreMetrics.ExpectedCalibrationError(CalibrationLabels, CalibrationScores, bins), Exact);
    }

    [Fact]
    public void ExpectedCalibrationError_ScoreOnBinEdge_FallsInLowerBin()
    {
        // 0.3 lies in (0.2, 0.3] with 0.25 and y = 1 there: |2 − 0.55| / 3; 0.0 and 1.0 are in the first and last bins.
        var ece = ScoreMetrics.ExpectedCalibrationError([1, 1, 0], [0.3, 0.25, 0.0]);

        Assert.Equal(1.45 / 3, ece, Exact);
        Assert.Equal(0, CalibrationBins.Of(0.0, 10));
        Assert.Equal(0, CalibrationBins.Of(0.1, 10));
        Assert.Equal(2, CalibrationBins.Of(0.3, 10));
        Assert.Equal(3, CalibrationBins.Of(0.30000000000000004, 10));
        Assert.Equal(9, CalibrationBins.Of(1.0, 10));
    }

    [Fact]
    public void Evaluate_ScoreOutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScoreMetrics.Evaluate([0, 1], [0.5, 1.5]));
        Assert.Throws<ArgumentException>(() => ScoreMetrics.Evaluate([0, 1], [0.5, double.NaN]));
    }
}
