using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>Groups below the minimum size are counted, warned about, kept out of every disparity, and not reported by the runner.</summary>
public sealed class MinimumGroupSizeTests
{
    private const double Exact = 1e-9;

    // a: 40 rows, SR 0.5; b: 35 rows, SR 0.4; c: 10 rows, SR 1.0 (below the default minimum of 30).
    private static readonly (int[] Labels, int[] Predictions, string[] Groups) Data =
        TestData.Expand(("a", 10, 10, 10, 10), ("b", 7, 7, 7, 14), ("c", 5, 5, 0, 0));

    [Fact]
    public void Evaluate_SmallGroup_IsReportedButKeptOutOfDisparities()
    {
        var report = Evaluate(FairnessOptions.Default);

        var small = report.Group("c");
        Assert.False(small.InDisparity);
        Assert.Equal(10, small.Counts.Count);
        Assert.Equal(1.0, small.Rates.SelectionRate, Exact);
        Assert.True(report.Group("a").InDisparity);
        Assert.Equal(30, report.MinimumGroupSize);
        Assert.Equal(0.1, report.BetweenGroups.DemographicParityDifference, Exact);
        Assert.Equal(0.8, report.BetweenGroups.DemographicParityRatio, Exact);
        Assert.Equal(0.5, report.Disparity(BinaryRate.SelectionRate).GroupMax, Exact);
    }

    [Fact]
    public void Evaluate_SmallGroup_WarnsWithItsSize()
    {
        var report = Evaluate(FairnessOptions.Default);

        var warning = Assert.Single(report.Warnings, w => w.Kind == MetricWarningKind.SmallGroup);
        Assert.Equal("c", warning.Subject);
        Assert.Equal("The group 'c': n = 10, below the minimum of 30: not reported, and kept out of the disparities.", warning.Message);
    }

    [Fact]
    public void Evaluate_SmallGroupWithUndefinedRates_GetsOnlyTheOneWarning()
    {
        // d: 3 rows, none positive and none predicted positive: its TPR, precision and F1 are undefined, but the group
        // is not reported, so only its size is worth a warning.
        var (labels, predictions, groups) = TestData.Expand(("a", 10, 10, 10, 10), ("b", 7, 7, 7, 14), ("d", 0, 0, 0, 3));

        var report = FairnessMetrics.Evaluate(labels, predictions, GroupIndex.Create(TestData.Feature("g", groups)), FairnessOptions.Default);

        var warning = Assert.Single(report.Warnings, w => w.Subject == "d");
        Assert.Equal(MetricWarningKind.SmallGroup, warning.Kind);
        Assert.Equal("The group 'd': n = 3, below the minimum of 30: not reported, and kept out of the disparities.", warning.Message);
    }

    [Fact]
    public void Evaluate_SmallGroup_StillCountsInOverallForToOverall()
    {
        var report = Evaluate(FairnessOptions.Default);

        // Overall SR = (20 + 14 + 10) / 85; to_overall compares a and b only.
        var overall = 44.0 / 85;
        Assert.Equal(overall, report.Overall.SelectionRate, Exact);
        Assert.Equal(Math.Abs(0.4 - overall), report.ToOverall.DemographicParityDifference, Exact);
    }

    [Fact]
    public void Evaluate_FairlearnMode_HasNoMinimumGroupSize()
    {
        var report = Evaluate(FairnessOptions.FairlearnCompatible with { MinimumGroupSize = 30 });

        Assert.True(report.Group("c").InDisparity);
        Assert.Equal(0, report.MinimumGroupSize);
        Assert.Equal(0.6, report.BetweenGroups.DemographicParityDifference, Exact);
        Assert.DoesNotContain(report.Warnings, w => w.Kind == MetricWarningKind.SmallGroup);
    }

    [Fact]
    public void Evaluate_PrivilegedGroupBelowMinimum_LeavesAif360Undefined()
    {
        var report = Evaluate(FairnessOptions.Default with { PrivilegedGroup = ["c"] });

        Assert.True(double.IsNaN(report.Privileged!.StatisticalParityDifference));
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.UndefinedDisparity && w.Subject == "aif360");
    }

    [Fact]
    public void Evaluate_SingleGroup_DisparityIsUndefinedByDefaultAndZeroInFairlearnMode()
    {
        var (labels, predictions, _) = TestData.Expand(("all", 10, 5, 5, 20));
        var counts = GroupedConfusion.Count(labels, predictions, GroupIndex.All(labels.Length));

        var careful = FairnessMetrics.Evaluate(counts);
        var fairlearn = FairnessMetrics.Evaluate(counts, FairnessOptions.FairlearnCompatible);

        Assert.True(double.IsNaN(careful.BetweenGroups.DemographicParityDifference));
        Assert.Equal(0.0, careful.ToOverall.DemographicParityDifference);
        Assert.Contains(careful.Warnings, w => w.Kind == MetricWarningKind.UndefinedDisparity);
        Assert.Equal(0.0, fairlearn.BetweenGroups.DemographicParityDifference);
        Assert.Equal(1.0, fairlearn.BetweenGroups.DemographicParityRatio);
    }

    private static FairnessReport Evaluate(FairnessOptions options) =>
        FairnessMetrics.Evaluate(Data.Labels, Data.Predictions, GroupIndex.Create(TestData.Feature("g", Data.Groups)), options);
}
