using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>Multiclass count and score metrics; expected values hand-computed and checked with sklearn 1.2.1.</summary>
public sealed class MulticlassMetricsTests
{
    private const double Exact = 1e-9;

    [Fact]
    public void Evaluate_ThreeClasses_MatchesSklearnMacroAverages()
    {
        // Per class (P, R, F1): 0 (1/2, 1/2, 1/2), 1 (2/3, 1, 4/5), 2 (1, 1/2, 2/3).
        var report = MulticlassMetrics.Evaluate([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 0, 2], 3);

        Assert.Equal(4.0 / 6, report.Accuracy, Exact);
        Assert.Equal(0.7222222222222222, report.MacroPrecision, Exact);
        Assert.Equal(0.6666666666666666, report.MacroRecall, Exact);
        Assert.Equal(0.6555555555555556, report.MacroF1, Exact);
        Assert.Equal(0.6666666666666666, report.BalancedAccuracy, Exact);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Evaluate_ClassNeverPredicted_PrecisionFollowsPolicy()
    {
        int[] labels = [0, 1, 2, 2];
        int[] predictions = [0, 1, 1, 0];

        var fairlearn = MulticlassMetrics.Evaluate(labels, predictions, 3, ZeroDivisionPolicy.FairlearnCompat);
        var careful = MulticlassMetrics.Evaluate(labels, predictions, 3);

        // sklearn zero_division=0: (1/2 + 1/2 + 0) / 3; zero_division=nan: class 2 left out.
        Assert.Equal(0.3333333333333333, fairlearn.MacroPrecision, Exact);
        Assert.Equal(0.5, careful.MacroPrecision, Exact);
        Assert.Equal(0.6666666666666666, fairlearn.MacroRecall, Exact);
        Assert.Equal(0.4444444444444444, fairlearn.MacroF1, Exact);
        Assert.Equal(0.4444444444444444, careful.MacroF1, Exact);
        Assert.Contains(careful.Warnings, w => w.Kind == MetricWarningKind.UndefinedMetric && w.Subject == "class 2");
        Assert.Contains(fairlearn.Warnings, w => w.Kind == MetricWarningKind.ZeroDivisionAsZero && w.Subject == "class 2");
    }

    [Fact]
    public void Evaluate_ClassPredictedButAbsent_RecallFollowsPolicyAndBalancedAccuracySkipsIt()
    {
        int[] labels = [0, 0, 1, 1];
        int[] predictions = [0, 2, 1, 1];

        var fairlearn = MulticlassMetrics.Evaluate(labels, predictions, 3, ZeroDivisionPolicy.FairlearnCompat);
        var careful = MulticlassMetrics.Evaluate(labels, predictions, 3);

        Assert.Equal(0.5, fairlearn.MacroRecall, Exact);
        Assert.Equal(0.75, careful.MacroRecall, Exact);
        Assert.Equal(0.6666666666666666, fairlearn.MacroPrecision, Exact);
        Assert.Equal(0.5555555555555555, fairlearn.MacroF1, Exact);
        Assert.Equal(0.75, fairlearn.BalancedAccuracy, Exact);
        Assert.Equal(0.75, careful.BalancedAccuracy, Exact);
    }

    [Fact]
    public void Evaluate_BinaryProblem_BalancedAccuracyIsMeanOfTprAndTnr()
    {
        // TPR 2/3, TNR 1/2.
        var report = MulticlassMetrics.Evaluate([1, 1, 1, 0, 0], [1, 1, 0, 0, 1], 2);

        Assert.Equal((2.0 / 3 + 0.5) / 2, report.BalancedAccuracy, Exact);
        Assert.Equal(
            BinaryRates.Compute(ConfusionCounts.FromRows([1, 1, 1, 0, 0], [1, 1, 0, 0, 1])).BalancedAccuracy,
            report.BalancedAccuracy,
            Exact);
    }

    [Fact]
    public void EvaluateScores_HandVector_MatchesLogLossBrierAndTopLabelEce()
    {
        double[] probabilities = [.7, .2, .1, .3, .4, .3, .1, .1, .8];

        var report = MulticlassMetrics.EvaluateScores([0, 2, 2], probabilities, 3);

        Assert.Equal(0.594597099859626, report.LogLoss, Exact);
        Assert.Equal(0.94 / 3, report.BrierScore, Exact);

        // Confidences .7 (right), .4 (wrong), .8 (right) in separate bins: (.3 + .4 + .2) / 3.
        Assert.Equal(0.3, report.TopLabelCalibrationError, Exact);
    }

    [Fact]
    public void EvaluateScores_MatrixNotNByK_Throws()
    {
        Assert.Throws<ArgumentException>(() => MulticlassMetrics.EvaluateScores([0, 1], [.5, .5, .5], 2));
    }

    [Fact]
    public void Count_LabelOutsideClasses_Throws()
    {
        Assert.Throws<ArgumentException>(() => MulticlassConfusion.Count([0, 3], [0, 1], 3));
    }
}
