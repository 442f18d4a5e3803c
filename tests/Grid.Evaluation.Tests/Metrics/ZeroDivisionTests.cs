using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>Zero denominators: 0.0 as Fairlearn/sklearn in Fairlearn mode, NaN with a warning by default (fairness.md §1.1).</summary>
public sealed class ZeroDivisionTests
{
    private const double Exact = 1e-9;

    [Fact]
    public void Compute_NoPositivesFairlearnMode_MatchesSklearnNormalizedConfusionMatrix()
    {
        // fairness.md §1.1, verified there: y = [0,0,0], ŷ = [0,1,0] → (TNR, FPR, FNR, TPR) = (0.667, 0.333, 0, 0).
        var counts = ConfusionCounts.FromRows([0, 0, 0], [0, 1, 0]);

        var rates = BinaryRates.Compute(counts, ZeroDivisionPolicy.FairlearnCompat);

        Assert.Equal(1.0 / 3, rates.FalsePositiveRate, Exact);
        Assert.Equal(0.0, rates.FalseNegativeRate);
        Assert.Equal(0.0, rates.TruePositiveRate);
        Assert.Equal(0.0, rates.Precision);
        Assert.Equal(0.0, rates.F1);
        Assert.Equal(2.0 / 3, rates.BalancedAccuracy, Exact);
    }

    [Fact]
    public void Compute_NoPositivesNaNMode_ReportsUndefined()
    {
        var counts = ConfusionCounts.FromRows([0, 0, 0], [0, 1, 0]);

        var rates = BinaryRates.Compute(counts);

        Assert.True(double.IsNaN(rates.TruePositiveRate));
        Assert.True(double.IsNaN(rates.FalseNegativeRate));
        Assert.Equal(1.0 / 3, rates.FalsePositiveRate, Exact);
        Assert.Equal(0.0, rates.Precision);
        Assert.Equal(0.0, rates.F1);
        Assert.Equal(2.0 / 3, rates.BalancedAccuracy, Exact);
        Assert.Equal(1.0 / 3, rates.SelectionRate, Exact);
    }

    [Fact]
    public void Compute_NothingPredictedPositive_PrecisionFollowsPolicy()
    {
        var counts = ConfusionCounts.FromRows([1, 0, 0], [0, 0, 0]);

        Assert.Equal(0.0, BinaryRates.Compute(counts, ZeroDivisionPolicy.FairlearnCompat).Precision);
        Assert.True(double.IsNaN(BinaryRates.Compute(counts).Precision));
        Assert.Equal(0.0, BinaryRates.Compute(counts).F1);
    }

    [Fact]
    public void Compute_NoPositivesAndNothingPredicted_F1FollowsPolicy()
    {
        var counts = ConfusionCounts.FromRows([0, 0], [0, 0]);

        Assert.Equal(0.0, BinaryRates.Compute(counts, ZeroDivisionPolicy.FairlearnCompat).F1);
        Assert.True(double.IsNaN(BinaryRates.Compute(counts).F1));
        Assert.Equal(1.0, BinaryRates.Compute(counts).Accuracy);
    }

    [Fact]
    public void Evaluate_GroupWithoutPositivesFairlearnMode_EntersTruePositiveRateAsZero()
    {
        // Group a: 10 rows, no positives; group b: TPR 1.
        var (labels, predictions, groups) = TestData.Expand(("a", 0, 2, 0, 8), ("b", 5, 0, 0, 5));
        var index = GroupIndex.Create(TestData.Feature("g", groups));

        var report = FairnessMetrics.Evaluate(labels, predictions, index, FairnessOptions.FairlearnCompatible);

        Assert.Equal(0.0, report.Group("a").Rates.TruePositiveRate);
        Assert.Equal(1.0, report.BetweenGroups.EqualOpportunityDifference, Exact);
        Assert.Equal(1.0, report.BetweenGroups.EqualizedOddsDifference, Exact);
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.ZeroDivisionAsZero && w.Subject == "a");
    }

    [Fact]
    public void Evaluate_GroupWithoutPositivesNaNMode_LeavesItOutOfTruePositiveRateDisparity()
    {
        var (labels, predictions, groups) = TestData.Expand(("a", 0, 2, 0, 8), ("b", 5, 0, 0, 5));
        var index = GroupIndex.Create(TestData.Feature("g", groups));

        var report = FairnessMetrics.Evaluate(labels, predictions, index, TestData.NaNMode);

        Assert.True(double.IsNaN(report.Group("a").Rates.TruePositiveRate));
        Assert.True(double.IsNaN(report.BetweenGroups.EqualOpportunityDifference));
        Assert.True(double.IsNaN(report.BetweenGroups.EqualizedOddsDifference));
        Assert.Equal(0.3, report.BetweenGroups.DemographicParityDifference, Exact);
        Assert.Equal(0.2, report.Disparity(BinaryRate.FalsePositiveRate).DifferenceBetweenGroups, Exact);
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.UndefinedMetric && w.Subject == "a");
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.MissingClass && w.Subject == "a");
    }

    [Fact]
    public void Evaluate_NoRows_Throws()
    {
        var index = GroupIndex.Create(new SensitiveFeature("g", Array.Empty<int>(), ["a"]));

        Assert.Throws<ArgumentException>(() => FairnessMetrics.Evaluate([], [], index));
    }

    [Fact]
    public void Count_LabelNotBinary_Throws()
    {
        var index = GroupIndex.Create(TestData.Feature("g", "a", "a"));

        Assert.Throws<ArgumentException>(() => GroupedConfusion.Count([0, 2], [0, 1], index));
    }
}
