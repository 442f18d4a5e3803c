using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>Fairlearn's intersecting-groups documentation vector (fairness.md §3.4) and empty combinations.</summary>
public sealed class IntersectionalGroupsTests
{
    private const double Exact = 1e-9;

    private static readonly int[] YTrue = TestData.Ints("0,1,1,1,1,0,1,0,1,0,0,0,1,1,1,1,1,1");
    private static readonly int[] YPred = TestData.Ints("0,0,1,0,1,1,1,0,0,1,1,1,1,0,0,1,1,0");
    private static readonly string[] Sf = TestData.Names("b,b,a,b,b,c,c,c,a,a,c,a,b,c,c,b,c,c");
    private static readonly string[] G2 = TestData.Names("8,6,8,8,8,8,6,6,6,8,6,6,6,6,8,6,6,6");

    [Theory]
    [InlineData("a", "6", 0.0, 0.0, 2)]
    [InlineData("a", "8", 1.0, 0.5, 2)]
    [InlineData("b", "6", 2.0 / 3, 1.0, 3)]
    [InlineData("b", "8", 0.5, 1.0, 3)]
    [InlineData("c", "6", 0.5, 2.0 / 3, 6)]
    [InlineData("c", "8", 0.0, 0.0, 2)]
    public void Evaluate_TwoFeatures_MatchesDocumentedRecallPrecisionAndCounts(string sf, string g2, double recall, double precision, long count)
    {
        var report = FairnessMetrics.Evaluate(YTrue, YPred, Groups(), FairnessOptions.FairlearnCompatible);

        var group = report.Group(sf, g2);
        Assert.Equal(recall, group.Rates.Recall, Exact);
        Assert.Equal(precision, group.Rates.Precision, Exact);
        Assert.Equal(count, group.Counts.Count);
    }

    [Fact]
    public void Evaluate_TwoFeatures_MatchesDocumentedOverallAndOrder()
    {
        var report = FairnessMetrics.Evaluate(YTrue, YPred, Groups(), FairnessOptions.FairlearnCompatible);

        Assert.Equal(0.5, report.Overall.Recall, Exact);
        Assert.Equal(0.6, report.Overall.Precision, Exact);
        Assert.Equal(["a, 6", "a, 8", "b, 6", "b, 8", "c, 6", "c, 8"], report.Groups.Select(g => g.Key.Name));
        Assert.Equal(["sf", "g2"], Groups().FeatureNames);
    }

    [Fact]
    public void Evaluate_TinyIntersectionalCells_GiveEqualizedOddsDifferenceOne()
    {
        var report = FairnessMetrics.Evaluate(YTrue, YPred, Groups(), FairnessOptions.FairlearnCompatible);

        // Recall ranges from 0 (a6, c8) to 1 (a8): the "EOD = 1.0 from groups of n = 4 and n = 2" effect.
        Assert.Equal(1.0, report.BetweenGroups.EqualOpportunityDifference, Exact);
        Assert.Equal(1.0, report.BetweenGroups.EqualizedOddsDifference, Exact);
    }

    [Fact]
    public void Evaluate_EmptyCombination_IsReportedWithCountZeroAndNeverEvaluated()
    {
        // Rows: (F, x) ×2, (F, y) ×2, (M, x) ×2 and no (M, y).
        var sex = TestData.Feature("sex", "F", "F", "F", "F", "M", "M");
        var race = TestData.Feature("race", "x", "x", "y", "y", "x", "x");
        int[] labels = [1, 0, 1, 0, 1, 0];
        int[] predictions = [1, 0, 0, 0, 1, 1];

        var report = FairnessMetrics.Evaluate(labels, predictions, GroupIndex.Create(sex, race), FairnessOptions.FairlearnCompatible);

        var empty = report.Group("M", "y");
        Assert.Equal(4, report.Groups.Count);
        Assert.Equal(0, empty.Counts.Count);
        Assert.False(empty.InDisparity);
        Assert.All(Enum.GetValues<BinaryRate>(), rate => Assert.True(double.IsNaN(empty.Rates[rate])));
        Assert.Contains(report.Warnings, w => w.Kind == MetricWarningKind.EmptyGroup && w.Subject == "M, y");

        // Selection rates of the three evaluated groups: 0.5, 0, 1 → difference 1, ratio 0; the empty cell is skipped.
        Assert.Equal(1.0, report.BetweenGroups.DemographicParityDifference, Exact);
        Assert.Equal(0.0, report.BetweenGroups.DemographicParityRatio, Exact);
    }

    [Fact]
    public void Create_CodeOutsideTable_Throws()
    {
        var feature = new SensitiveFeature("sex", (int[])[0, 2], ["F", "M"]);

        Assert.Throws<ArgumentException>(() => GroupIndex.Create(feature));
    }

    [Fact]
    public void Create_FeaturesOfDifferentLength_Throws()
    {
        var a = new SensitiveFeature("a", (int[])[0, 1], ["x", "y"]);
        var b = new SensitiveFeature("b", (int[])[0], ["x"]);

        Assert.Throws<ArgumentException>(() => GroupIndex.Create(a, b));
    }

    private static GroupIndex Groups() => GroupIndex.Create(TestData.Feature("sf", Sf), TestData.Feature("g2", G2));
}
