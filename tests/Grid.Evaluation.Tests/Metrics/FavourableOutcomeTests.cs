using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>
/// AIF360's metrics are defined on the favourable outcome, which need not be the positive label: in COMPAS the positive
/// label is "charged again" and AIF360's favourable label is 0. Every expected figure below is worked out by hand from
/// ProPublica's confusion counts of the vendor's rule (decile ≥ 5) on all 7,214 rows.
/// </summary>
public sealed class FavourableOutcomeTests
{
    private const double Exact = 1e-12;

    // ProPublica's table (TP, FP, FN, TN): African-American 1369/805/532/990, Caucasian 505/349/461/1139, all rows
    // 2035/1282/1216/2681; the other four races together are the difference: 161/128/223/552 (1,064 rows).
    private static readonly GroupedConfusion Race = GroupedConfusion.FromCounts(
        GroupIndex.Create(new SensitiveFeature("race", Array.Empty<int>(), ["African-American", "Caucasian", "rest"])),
        [new ConfusionCounts(1369, 805, 532, 990), new ConfusionCounts(505, 349, 461, 1139), new ConfusionCounts(161, 128, 223, 552)]);

    [Fact]
    public void Evaluate_CompasRaceFavourableNegative_DisparateImpactOfPredictedNotToReoffend()
    {
        var aif = Evaluate(FavourableOutcome.Negative);

        // Caucasian: 2,454 rows, 854 predicted positive, so 1,600 predicted not to reoffend (ŷ = 0).
        // Everyone else: 4,760 rows, 2,463 predicted positive, 2,297 predicted not to reoffend.
        // DI = (2297 / 4760) / (1600 / 2454) = 5,636,838 / 7,616,000 = 0.7401…
        Assert.Equal(FavourableOutcome.Negative, aif.Favourable);
        Assert.Equal(5_636_838.0 / 7_616_000, aif.DisparateImpact, Exact);
        Assert.Equal(0.740131, Math.Round(aif.DisparateImpact, 6));
        Assert.Equal((2297.0 / 4760) - (1600.0 / 2454), aif.StatisticalParityDifference, Exact);
        Assert.Equal(-0.169434, Math.Round(aif.StatisticalParityDifference, 6));
    }

    [Fact]
    public void Evaluate_CompasRaceFavourablePositive_DisparateImpactOfPredictedToReoffend()
    {
        var aif = Evaluate(FavourableOutcome.Positive);

        // DI = (2463 / 4760) / (854 / 2454) = 6,044,202 / 4,065,040 = 1.4869…: the figure reported before the suite
        // declared its favourable outcome, which reads the opposite way.
        Assert.Equal(FavourableOutcome.Positive, aif.Favourable);
        Assert.Equal(6_044_202.0 / 4_065_040, aif.DisparateImpact, Exact);
        Assert.Equal((2463.0 / 4760) - (854.0 / 2454), aif.StatisticalParityDifference, Exact);
    }

    [Fact]
    public void Evaluate_CompasRaceFavourableNegative_OddsAreTakenOnTheFavourableLabel()
    {
        var aif = Evaluate(FavourableOutcome.Negative);

        // With favourable = 0, AIF360's TPR is P(ŷ = 0 | y = 0) = TN / N and its FPR is P(ŷ = 0 | y = 1) = FN / P.
        // Unprivileged: TN 990 + 552 = 1,542 of N 2,475; FN 532 + 223 = 755 of P 2,285. Privileged: 1,139 of 1,488; 461 of 966.
        var tprDelta = (1542.0 / 2475) - (1139.0 / 1488);
        var fprDelta = (755.0 / 2285) - (461.0 / 966);
        Assert.Equal(tprDelta, aif.EqualOpportunityDifference, Exact);
        Assert.Equal((fprDelta + tprDelta) / 2, aif.AverageOddsDifference, Exact);
        Assert.Equal((Math.Abs(fprDelta) + Math.Abs(tprDelta)) / 2, aif.AverageAbsoluteOddsDifference, Exact);
    }

    [Fact]
    public void Evaluate_CompasRace_FairlearnMetricsKeepThePositiveLabel()
    {
        var positive = FairnessMetrics.Evaluate(Race, FairnessOptions.Default with { PrivilegedGroup = ["Caucasian"] });
        var negative = FairnessMetrics.Evaluate(Race, FairnessOptions.Default with { PrivilegedGroup = ["Caucasian"], Favourable = FavourableOutcome.Negative });

        // Selection rates of ŷ = 1: African-American 2174 / 3696, Caucasian 854 / 2454, rest 289 / 1064.
        Assert.Equal((2174.0 / 3696) - (289.0 / 1064), negative.BetweenGroups.DemographicParityDifference, Exact);
        Assert.Equal(positive.BetweenGroups, negative.BetweenGroups);
        Assert.Equal(positive.ToOverall, negative.ToOverall);
        Assert.Equal(positive.Disparities, negative.Disparities);
    }

    [Fact]
    public void Evaluate_AifCompasSexWithFavourableNoRecidivism_MatchesTheDocumentedDatasetMetrics()
    {
        // AIF360's CompasDataset (n = 6,167), sex with Female privileged, favourable = no recidivism: 760 of 1,173 women
        // and 2,598 of 4,994 men. Here the label is recidivism (positive) and the prediction is the label.
        var counts = GroupedConfusion.FromCounts(
            GroupIndex.Create(new SensitiveFeature("sex", Array.Empty<int>(), ["Female", "Male"])),
            [new ConfusionCounts(1173 - 760, 0, 0, 760), new ConfusionCounts(4994 - 2598, 0, 0, 2598)]);

        var aif = FairnessMetrics.Evaluate(counts, FairnessOptions.Default with { PrivilegedGroup = ["Female"], Favourable = FavourableOutcome.Negative }).Privileged!;

        Assert.Equal(-0.127687, aif.StatisticalParityDifference, 1e-6);
        Assert.Equal(0.802925, aif.DisparateImpact, 1e-6);
    }

    [Fact]
    public void Fairness_CompasRaceFavourableNegative_IntervalAroundTheFavourableFigure()
    {
        var options = FairnessOptions.Default with { PrivilegedGroup = ["Caucasian"], Favourable = FavourableOutcome.Negative };

        var intervals = Bootstrap.Fairness(Race, options, new BootstrapOptions { Replicates = 1000, Seed = 7 });

        var di = intervals[MetricNames.DisparateImpact];
        Assert.Equal(5_636_838.0 / 7_616_000, di.Estimate, Exact);
        Assert.InRange(di.Lower, 0.70, 0.7401);
        Assert.InRange(di.Upper, 0.7402, 0.78);
    }

    private static PrivilegedComparison Evaluate(FavourableOutcome favourable) =>
        FairnessMetrics.Evaluate(Race, FairnessOptions.Default with { PrivilegedGroup = ["Caucasian"], Favourable = favourable }).Privileged!;
}
