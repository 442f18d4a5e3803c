using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>
/// The MetricFrame docstring vector (fairness.md §3.4). Group F has no actual negatives, so its FPR is where the
/// two zero-division modes part.
/// </summary>
public sealed class MetricFrameDocstringTests
{
    private const double Exact = 1e-9;

    private static readonly int[] YTrue = TestData.Ints("1,1,1,1,1,0,0,1,1,0");
    private static readonly int[] YPred = TestData.Ints("0,1,1,1,1,0,0,0,1,1");
    private static readonly string[] Sex = TestData.Names("F,F,F,F,F,M,M,M,M,M");

    [Theory]
    [InlineData("fairlearn")]
    [InlineData("nan")]
    public void Evaluate_DocstringVector_MatchesSelectionRateAndAccuracy(string mode)
    {
        var report = Evaluate(mode == "fairlearn" ? FairnessOptions.FairlearnCompatible : TestData.NaNMode);

        Assert.Equal(0.8, report.Group("F").Rates.SelectionRate, Exact);
        Assert.Equal(0.4, report.Group("M").Rates.SelectionRate, Exact);
        Assert.Equal(0.4, report.Disparity(BinaryRate.SelectionRate).DifferenceBetweenGroups, Exact);
        Assert.Equal(0.5, report.Disparity(BinaryRate.SelectionRate).RatioBetweenGroups, Exact);
        Assert.Equal(0.8, report.Disparity(BinaryRate.SelectionRate).GroupMax, Exact);
        Assert.Equal(0.8, report.Group("F").Rates.Accuracy, Exact);
        Assert.Equal(0.6, report.Group("M").Rates.Accuracy, Exact);
        Assert.Equal(0.2, report.Disparity(BinaryRate.Accuracy).DifferenceBetweenGroups, Exact);
        Assert.Equal(0.75, report.Disparity(BinaryRate.Accuracy).RatioBetweenGroups, Exact);
    }

    [Fact]
    public void Evaluate_FairlearnMode_GroupWithoutNegativesHasFalsePositiveRateZero()
    {
        var report = Evaluate(FairnessOptions.FairlearnCompatible);

        // FPR: F 0/0 → 0.0, M 1/3; TPR: F 4/5, M 1/2.
        Assert.Equal(0.0, report.Group("F").Rates.FalsePositiveRate);
        Assert.Equal(1.0 / 3, report.Disparity(BinaryRate.FalsePositiveRate).DifferenceBetweenGroups, Exact);
        Assert.Equal(1.0 / 3, report.BetweenGroups.EqualizedOddsDifference, Exact);
        Assert.Equal(0.0, report.BetweenGroups.EqualizedOddsRatio, Exact);
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.ZeroDivisionAsZero && w.Subject == "F");
    }

    [Fact]
    public void Evaluate_NaNMode_GroupWithoutNegativesHasUndefinedFalsePositiveRate()
    {
        var report = Evaluate(TestData.NaNMode);

        Assert.True(double.IsNaN(report.Group("F").Rates.FalsePositiveRate));
        Assert.Equal(1.0 / 3, report.Disparity(BinaryRate.FalsePositiveRate).GroupMin, Exact);
        Assert.True(double.IsNaN(report.Disparity(BinaryRate.FalsePositiveRate).DifferenceBetweenGroups));
        Assert.True(double.IsNaN(report.BetweenGroups.EqualizedOddsDifference));
        Assert.Equal(0.3, report.BetweenGroups.EqualOpportunityDifference, Exact);
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.UndefinedMetric && w.Subject == "F");
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.UndefinedDisparity && w.Subject == "false_positive_rate");
    }

    private static FairnessReport Evaluate(FairnessOptions options) =>
        FairnessMetrics.Evaluate(YTrue, YPred, GroupIndex.Create(TestData.Feature("sex", Sex)), options);
}
