using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>The 18-sample vector of Fairlearn's user guide (fairness.md §3.4), which has no zero denominators.</summary>
public sealed class FairlearnUserGuideTests
{
    private const double Exact = 1e-9;

    private static readonly int[] YTrue = TestData.Ints("0,1,1,1,1,0,1,0,1,0,0,0,1,1,1,1,1,1");
    private static readonly int[] YPred = TestData.Ints("0,0,1,0,1,1,1,0,0,1,1,1,1,0,0,1,1,0");
    private static readonly string[] Sf = TestData.Names("b,b,a,b,b,c,c,c,a,a,c,a,b,c,c,b,c,c");

    public static TheoryData<string> Modes => ["fairlearn", "nan"];

    private static FairnessReport Evaluate(string mode) =>
        FairnessMetrics.Evaluate(YTrue, YPred, GroupIndex.Create(TestData.Feature("sf", Sf)), Options(mode));

    private static FairnessOptions Options(string mode) => mode == "fairlearn" ? FairnessOptions.FairlearnCompatible : TestData.NaNMode;

    [Theory]
    [MemberData(nameof(Modes))]
    public void Evaluate_UserGuideVector_MatchesDocumentedDisparities(string mode)
    {
        var between = Evaluate(mode).BetweenGroups;

        Assert.Equal(0.25, between.DemographicParityDifference, Exact);
        Assert.Equal(2.0 / 3, between.DemographicParityRatio, Exact);
        Assert.Equal(1.0, between.EqualizedOddsDifference, Exact);
        Assert.Equal(0.0, between.EqualizedOddsRatio, Exact);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Evaluate_UserGuideVector_MatchesExtraValues(string mode)
    {
        var report = Evaluate(mode);

        Assert.Equal(0.75, report.Group("a").Rates.SelectionRate, Exact);
        Assert.Equal(0.5, report.Group("b").Rates.SelectionRate, Exact);
        Assert.Equal(0.5, report.Group("c").Rates.SelectionRate, Exact);
        Assert.Equal(10.0 / 18, report.Overall.SelectionRate, Exact);
        Assert.Equal(0.5, report.Group("a").Rates.TruePositiveRate, Exact);
        Assert.Equal(0.6, report.Group("b").Rates.TruePositiveRate, Exact);
        Assert.Equal(0.4, report.Group("c").Rates.TruePositiveRate, Exact);
        Assert.Equal(1.0, report.Group("a").Rates.FalsePositiveRate, Exact);
        Assert.Equal(0.0, report.Group("b").Rates.FalsePositiveRate, Exact);
        Assert.Equal(2.0 / 3, report.Group("c").Rates.FalsePositiveRate, Exact);
        Assert.Equal(0.6, report.BetweenGroups.EqualizedOddsDifferenceMean, Exact);
        Assert.Equal(1.0 / 3, report.BetweenGroups.EqualizedOddsRatioMean, Exact);
        Assert.Equal(0.2, report.BetweenGroups.EqualOpportunityDifference, Exact);
        Assert.Equal(2.0 / 3, report.BetweenGroups.EqualOpportunityRatio, Exact);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Evaluate_UserGuideVector_MatchesToOverallValues(string mode)
    {
        var toOverall = Evaluate(mode).ToOverall;

        Assert.Equal(7.0 / 36, toOverall.DemographicParityDifference, Exact);
        Assert.Equal(20.0 / 27, toOverall.DemographicParityRatio, Exact);
        Assert.Equal(2.0 / 3, toOverall.EqualizedOddsDifference, Exact);
        Assert.Equal(0.194444, toOverall.DemographicParityDifference, 1e-6);
        Assert.Equal(0.740741, toOverall.DemographicParityRatio, 1e-6);
    }

    [Fact]
    public void Evaluate_UserGuideVector_ReportsCountsBehindEveryRate()
    {
        var report = Evaluate("fairlearn");

        Assert.Equal(new ConfusionCounts(1, 2, 1, 0), report.Group("a").Counts);
        Assert.Equal(new ConfusionCounts(3, 0, 2, 1), report.Group("b").Counts);
        Assert.Equal(new ConfusionCounts(2, 2, 3, 1), report.Group("c").Counts);
        Assert.Equal(new ConfusionCounts(6, 4, 6, 2), report.OverallCounts);
        Assert.Equal(8, report.Group("c").Counts.Count);
        Assert.Equal(5, report.Group("c").Counts.Positives);
        Assert.Equal(3, report.Group("c").Counts.Negatives);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Evaluate_UserGuideVector_AggregatesEveryRateAsMetricFrame()
    {
        var tpr = Evaluate("fairlearn").Disparity(BinaryRate.TruePositiveRate);

        Assert.Equal(0.4, tpr.GroupMin, Exact);
        Assert.Equal(0.6, tpr.GroupMax, Exact);
        Assert.Equal(0.2, tpr.DifferenceBetweenGroups, Exact);
        Assert.Equal(0.4 / 0.6, tpr.RatioBetweenGroups, Exact);
        Assert.Equal(0.1, tpr.DifferenceToOverall, Exact);
        Assert.Equal(0.8, tpr.RatioToOverall, Exact);
    }

    [Fact]
    public void Evaluate_PrivilegedGroupA_GivesSignedAif360Metrics()
    {
        var options = FairnessOptions.FairlearnCompatible with { PrivilegedGroup = ["a"] };

        var aif = FairnessMetrics.Evaluate(YTrue, YPred, GroupIndex.Create(TestData.Feature("sf", Sf)), options).Privileged!;

        // Privileged a: SR 3/4, TPR 1/2, FPR 1; the rest (b and c): SR 7/14, TPR 5/10, FPR 2/4.
        Assert.Equal(new ConfusionCounts(5, 2, 5, 2), aif.UnprivilegedCounts);
        Assert.Equal(-0.25, aif.StatisticalParityDifference, Exact);
        Assert.Equal(2.0 / 3, aif.DisparateImpact, Exact);
        Assert.Equal(0.0, aif.EqualOpportunityDifference, Exact);
        Assert.Equal(-0.25, aif.AverageOddsDifference, Exact);
        Assert.Equal(0.25, aif.AverageAbsoluteOddsDifference, Exact);
    }
}
