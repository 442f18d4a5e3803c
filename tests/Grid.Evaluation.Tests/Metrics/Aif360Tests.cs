using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>
/// AIF360's privileged-versus-rest metrics against the label statistics of fairness.md §3.5. Those are dataset
/// metrics (computed on labels), so the predictions are the labels; the documented figures have 6 decimals.
/// </summary>
public sealed class Aif360Tests
{
    private const double Documented = 1e-6;

    [Theory]
    [InlineData("German age > 25", 810, 590, 190, 110, -0.149448, 0.794826)]
    [InlineData("German sex (male privileged)", 690, 499, 310, 201, -0.074801, 0.896567)]
    [InlineData("COMPAS sex (female privileged)", 1173, 760, 4994, 2598, -0.127687, 0.802925)]
    public void Evaluate_DocumentedBaseRates_MatchStatisticalParityAndDisparateImpact(
        string dataset, int privileged, int privilegedFavourable, int unprivileged, int unprivilegedFavourable, double spd, double di)
    {
        Assert.NotEmpty(dataset);
        var counts = GroupedConfusion.FromCounts(
            Index("privileged", "unprivileged"),
            [new ConfusionCounts(privilegedFavourable, 0, 0, privileged - privilegedFavourable),
             new ConfusionCounts(unprivilegedFavourable, 0, 0, unprivileged - unprivilegedFavourable)]);

        var aif = FairnessMetrics.Evaluate(counts, FairnessOptions.Default with { PrivilegedGroup = ["privileged"] }).Privileged!;

        Assert.Equal(spd, aif.StatisticalParityDifference, Documented);
        Assert.Equal(di, aif.DisparateImpact, Documented);
    }

    [Fact]
    public void Evaluate_MultiValuedAttribute_UnprivilegedIsEveryOtherRow()
    {
        // COMPAS race: Caucasian privileged (2,100 rows, 1,278 favourable) against the 4,067 others (2,080 favourable),
        // here split over three other races; only the totals matter in AIF360's sklearn API.
        var counts = GroupedConfusion.FromCounts(
            Index("African-American", "Caucasian", "Hispanic", "Other"),
            [new ConfusionCounts(1500, 0, 0, 1600), new ConfusionCounts(1278, 0, 0, 822),
             new ConfusionCounts(300, 0, 0, 250), new ConfusionCounts(280, 0, 0, 137)]);

        var aif = FairnessMetrics.Evaluate(counts, FairnessOptions.Default with { PrivilegedGroup = ["Caucasian"] }).Privileged!;

        Assert.Equal(4067, aif.UnprivilegedCounts.Count);
        Assert.Equal(2080, aif.UnprivilegedCounts.PredictedPositives);
        Assert.Equal(-0.097138, aif.StatisticalParityDifference, Documented);
        Assert.Equal(0.840384, aif.DisparateImpact, Documented);
    }

    [Fact]
    public void Evaluate_OppositeSignedOdds_AverageOddsDifferenceCancels()
    {
        // Unprivileged: TPR 0.8, FPR 0.1; privileged: TPR 0.6, FPR 0.3 → ΔTPR +0.2, ΔFPR −0.2.
        var counts = GroupedConfusion.FromCounts(
            Index("p", "u"),
            [new ConfusionCounts(60, 30, 40, 70), new ConfusionCounts(80, 10, 20, 90)]);

        var aif = FairnessMetrics.Evaluate(counts, FairnessOptions.Default with { PrivilegedGroup = ["p"] }).Privileged!;

        Assert.Equal(0.0, aif.AverageOddsDifference, 1e-12);
        Assert.Equal(0.2, aif.AverageAbsoluteOddsDifference, 1e-12);
        Assert.Equal(0.2, aif.EqualOpportunityDifference, 1e-12);
        Assert.Equal(0.0, aif.StatisticalParityDifference, 1e-12);
        Assert.Equal(1.0, aif.DisparateImpact, 1e-12);
    }

    [Fact]
    public void Evaluate_PrivilegedSelectsNobody_DisparateImpactFollowsPolicy()
    {
        var counts = GroupedConfusion.FromCounts(
            Index("p", "u"),
            [new ConfusionCounts(0, 0, 40, 60), new ConfusionCounts(30, 20, 20, 30)]);

        var careful = FairnessMetrics.Evaluate(counts, FairnessOptions.Default with { PrivilegedGroup = ["p"] }).Privileged!;
        var fairlearn = FairnessMetrics.Evaluate(counts, FairnessOptions.FairlearnCompatible with { PrivilegedGroup = ["p"] }).Privileged!;

        Assert.True(double.IsNaN(careful.DisparateImpact));
        Assert.Equal(0.0, fairlearn.DisparateImpact);
        Assert.Equal(0.5, careful.StatisticalParityDifference, 1e-12);
    }

    [Fact]
    public void Evaluate_UnknownPrivilegedGroup_Throws()
    {
        var counts = GroupedConfusion.FromCounts(Index("p", "u"), [new ConfusionCounts(1, 1, 1, 1), new ConfusionCounts(1, 1, 1, 1)]);

        Assert.Throws<ArgumentException>(() => FairnessMetrics.Evaluate(counts, FairnessOptions.Default with { PrivilegedGroup = ["x"] }));
    }

    private static GroupIndex Index(params string[] levels) => GroupIndex.Create(new SensitiveFeature("attribute", Array.Empty<int>(), levels));
}
