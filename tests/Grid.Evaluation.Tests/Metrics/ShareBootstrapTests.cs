using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

public sealed class ShareBootstrapTests
{
    private static readonly string[] AccuracyAndNorm = ["acc", "acc_norm"];
    private static readonly string[] Subsets = ["a", "b"];

    [Fact]
    public void Shares_TwoOutcomesInTwoGroups_GiveEachShareUnderItsName()
    {
        // Group a: acc on 2 of 3, acc_norm on 1 of 3; group b: acc on 0 of 1, acc_norm on 1 of 1.
        int[] groups = [0, 0, 0, 1];
        int[] bits = [0b01, 0b11, 0b00, 0b10];

        var result = ShareBootstrap.Shares(AccuracyAndNorm, Subsets, groups, bits);

        Assert.Equal(
            [("acc", 0.5), ("acc_norm", 0.5), ("group[a].acc", 2.0 / 3), ("group[a].acc_norm", 1.0 / 3), ("group[b].acc", 0.0), ("group[b].acc_norm", 1.0)],
            result.Intervals.Select(i => (i.Metric, i.Estimate)));
    }

    [Fact]
    public void Shares_SameItemsAndSeed_GiveTheSameIntervals()
    {
        int[] groups = [.. Enumerable.Range(0, 200).Select(i => i % 2)];
        int[] bits = [.. Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 1 : 0)];

        var first = ShareBootstrap.Shares(["pct_stereotype"], Subsets, groups, bits, new BootstrapOptions { Seed = 7 });
        var second = ShareBootstrap.Shares(["pct_stereotype"], Subsets, groups, bits, new BootstrapOptions { Seed = 7 });

        Assert.Equal(first.Intervals, second.Intervals);
        Assert.True(first["pct_stereotype"].Lower < first["pct_stereotype"].Estimate && first["pct_stereotype"].Estimate < first["pct_stereotype"].Upper);
    }

    [Fact]
    public void Paired_SameOutcomes_GiveZeroDifferencesEverywhere()
    {
        int[] groups = [0, 0, 1, 1, 1];
        int[] bits = [0b01, 0b10, 0b11, 0b00, 0b01];

        var result = ShareBootstrap.Paired(AccuracyAndNorm, Subsets, groups, bits, bits);

        Assert.All(result.Intervals, i => Assert.Equal((0.0, 0.0, 0.0), (i.Estimate, i.Lower, i.Upper)));
    }

    [Fact]
    public void Paired_BFlipsEveryWrongItemRight_GivesTheShareGainedAndASignificantInterval()
    {
        int[] groups = [.. Enumerable.Repeat(0, 100)];
        int[] a = [.. Enumerable.Range(0, 100).Select(i => i < 40 ? 1 : 0)];
        int[] b = [.. Enumerable.Range(0, 100).Select(i => i < 70 ? 1 : 0)];

        var delta = ShareBootstrap.Paired(["acc"], [], groups, a, b)["acc"];

        Assert.Equal(0.3, delta.Estimate, 12);
        Assert.True(delta.ExcludesZero);
    }

    [Fact]
    public void Shares_BitsNamingAnUndeclaredOutcome_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ShareBootstrap.Shares(["acc"], [], [0], [2]));

        Assert.Equal("Item 0: outcome bits 2 name more than 1 outcome(s).", error.Message);
    }
}
