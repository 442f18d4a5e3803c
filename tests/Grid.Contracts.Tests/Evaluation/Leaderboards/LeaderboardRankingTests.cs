using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Contracts.Tests.Evaluation.Leaderboards;

public sealed class LeaderboardRankingTests
{
    [Fact]
    public void Rank_SeparateIntervals_DistinctRanksBestFirst()
    {
        var ranked = LeaderboardRanking.Rank([Entry("a", 0.70, 0.68, 0.72), Entry("b", 0.90, 0.88, 0.92), Entry("c", 0.80, 0.78, 0.82)], higherIsBetter: true);

        Assert.Equal(["b", "c", "a"], ranked.Select(e => e.Model.Owner));
        Assert.Equal([1, 2, 3], ranked.Select(e => e.Rank));
        Assert.All(ranked, e => Assert.False(e.Tied));
    }

    [Fact]
    public void Rank_LowerIsBetter_SmallestFirst()
    {
        var ranked = LeaderboardRanking.Rank([Entry("a", 0.30, 0.28, 0.32), Entry("b", 0.10, 0.08, 0.12)], higherIsBetter: false);

        Assert.Equal(["b", "a"], ranked.Select(e => e.Model.Owner));
        Assert.Equal([1, 2], ranked.Select(e => e.Rank));
    }

    [Fact]
    public void Rank_OverlappingIntervals_ShareARankAndTheNextSkips()
    {
        var ranked = LeaderboardRanking.Rank(
            [Entry("a", 0.90, 0.85, 0.95), Entry("b", 0.88, 0.84, 0.92), Entry("c", 0.70, 0.65, 0.75), Entry("d", 0.60, 0.55, 0.64)],
            higherIsBetter: true);

        Assert.Equal([1, 1, 3, 4], ranked.Select(e => e.Rank));
        Assert.Equal([true, true, false, false], ranked.Select(e => e.Tied));
    }

    [Fact]
    public void Rank_ChainOfOverlaps_TiesOnlyWithTheGroupsFirstEntry()
    {
        // b overlaps a and c, but c does not overlap a: c starts a group of its own.
        var ranked = LeaderboardRanking.Rank([Entry("a", 0.90, 0.86, 0.94), Entry("b", 0.85, 0.80, 0.87), Entry("c", 0.80, 0.78, 0.84)], higherIsBetter: true);

        Assert.Equal(["a", "b", "c"], ranked.Select(e => e.Model.Owner));
        Assert.Equal([1, 1, 3], ranked.Select(e => e.Rank));
        Assert.Equal([true, true, false], ranked.Select(e => e.Tied));
    }

    [Fact]
    public void Rank_TouchingEnds_CountAsOverlap()
    {
        var ranked = LeaderboardRanking.Rank([Entry("a", 0.5, 0.4, 0.6), Entry("b", 0.7, 0.6, 0.8)], higherIsBetter: true);

        Assert.Equal([1, 1], ranked.Select(e => e.Rank));
    }

    [Fact]
    public void Rank_NoIntervals_OnlyEqualValuesTie()
    {
        var ranked = LeaderboardRanking.Rank(
            [Entry("a", 1000, double.NaN, double.NaN), Entry("b", 1200, double.NaN, double.NaN), Entry("c", 1000, double.NaN, double.NaN)],
            higherIsBetter: true);

        Assert.Equal(["b", "a", "c"], ranked.Select(e => e.Model.Owner));
        Assert.Equal([1, 2, 2], ranked.Select(e => e.Rank));
    }

    [Fact]
    public void Rank_UndefinedValue_LastWithoutRank()
    {
        var ranked = LeaderboardRanking.Rank([Entry("a", double.NaN, double.NaN, double.NaN), Entry("b", 0.5, 0.4, 0.6)], higherIsBetter: false);

        Assert.Equal(["b", "a"], ranked.Select(e => e.Model.Owner));
        Assert.Equal([1, null], ranked.Select(e => e.Rank));
    }

    [Fact]
    public void Rank_EqualValues_OrderedByModelThenVersion()
    {
        var ranked = LeaderboardRanking.Rank([Entry("b", 0.5, 0.5, 0.5, 1), Entry("a", 0.5, 0.5, 0.5, 2), Entry("a", 0.5, 0.5, 0.5, 1)], higherIsBetter: true);

        Assert.Equal(["a@1", "a@2", "b@1"], ranked.Select(e => $"{e.Model.Owner}@{e.Version}"));
        Assert.All(ranked, e => Assert.Equal(1, e.Rank));
    }

    [Fact]
    public void Rank_Empty_Empty() => Assert.Empty(LeaderboardRanking.Rank([], higherIsBetter: true));

    [Fact]
    public void Find_ViewMetric_ReadsTheViewsDisparity()
    {
        var metric = new LeaderboardMetric("equalized_odds_difference.worst_case.between_groups", "race", false, "d");
        var report = Reporting.SampleReports.Bias(null, [], null) with
        {
            Metrics = [new MetricValue("accuracy", 0.7, 0.69, 0.71, 10, 0)],
            Fairness =
            [
                new FairnessView("sex", ["sex"], null, [], [new MetricValue(metric.Name, 0.1, 0.05, 0.15, 10, 0)], []),
                new FairnessView("race", ["race"], null, [], [new MetricValue(metric.Name, 0.2, 0.15, 0.25, 10, 0)], []),
            ],
        };

        Assert.Equal(0.2, metric.Find(report)!.Value);
        Assert.Equal(0.7, (metric with { Name = "accuracy", View = null }).Find(report)!.Value);
        Assert.Null((metric with { View = "age" }).Find(report));
    }

    private static LeaderboardEntry Entry(string owner, double value, double low, double high, int version = 1) =>
        new(null, false, new ModelId(owner, "m"), version, new MetricValue("m", value, low, high, 1000, 0), "cpu", Guid.Empty, DateTimeOffset.UnixEpoch);
}
