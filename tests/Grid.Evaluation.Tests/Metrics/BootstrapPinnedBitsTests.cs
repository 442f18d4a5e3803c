using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>
/// Intervals pinned bit for bit for a fixed seed: a stored seed must keep reproducing the intervals it gave when it
/// was stored, so a change to the sampler, the statistic, the percentile or the order of the work that moves a single
/// bound by one bit fails here. Each case pins a few bounds explicitly and a digest of every bound.
/// </summary>
public sealed class BootstrapPinnedBitsTests
{
    [Fact]
    public void Fairness_PinnedSeed_GivesThePinnedBounds()
    {
        // About a million rows in three groups (C below the minimum group size, so part of the figures are NaN), privileged A.
        var counts = Counts(
            ["A", "B", "C"],
            new ConfusionCounts(132_330, 38_636, 32_963, 346_265),
            new ConfusionCounts(62_953, 31_754, 24_411, 230_141),
            new ConfusionCounts(9, 3, 2, 11));
        var options = FairnessOptions.Default with { PrivilegedGroup = ["A"] };

        var result = Bootstrap.Fairness(counts, options, new BootstrapOptions { Seed = 42 });

        AssertBounds(result, MetricNames.DemographicParityDifference(DisparityMethod.BetweenGroups), 0x3FA32F7AD978CF10UL, 0x3FA53F20053265E8UL);
        AssertBounds(result, MetricNames.Group(counts.Groups.Groups[1], BinaryRate.TruePositiveRate), 0x3FE6F610A4AD0BB3UL, 0x3FE72824AEC8E7E9UL);
        AssertBounds(result, MetricNames.DisparateImpact, 0x3FEBBD1CC7D6393BUL, 0x3FEC229A23DBCCA9UL);
        AssertDigest(result, 0xBA4194C275DA2649UL);
    }

    [Fact]
    public void Fairness_PinnedSeedFairlearnCompat_GivesThePinnedBounds()
    {
        // Small and empty-ish cells (inversion draws, a group without positives, a vanishing group), B = 2000.
        var counts = Counts(
            ["a", "b", "c", "d"],
            new ConfusionCounts(40, 7, 12, 61),
            new ConfusionCounts(0, 5, 0, 30),
            new ConfusionCounts(3, 0, 1, 0),
            new ConfusionCounts(900, 150, 210, 2_400));

        var result = Bootstrap.Fairness(counts, FairnessOptions.FairlearnCompatible, new BootstrapOptions { Seed = 7, Replicates = 2000 });

        AssertBounds(result, MetricNames.EqualizedOddsDifference(DisparityMethod.BetweenGroups), 0x3FE9634F25A512B9UL, 0x3FF0000000000000UL);
        AssertBounds(result, MetricNames.Group(counts.Groups.Groups[2], BinaryRate.Precision), 0x0000000000000000UL, 0x3FF0000000000000UL);
        AssertDigest(result, 0x301EE050D6F1ADCFUL);
    }

    [Fact]
    public void BinaryAndMulticlass_PinnedSeed_GivePinnedDigests()
    {
        var binary = Bootstrap.Binary(new ConfusionCounts(5_000, 700, 900, 12_000), options: new BootstrapOptions { Seed = 3 });
        int[] labels = [0, 0, 1, 1, 2, 2, 2, 0, 1, 2, 1, 0, 2, 2, 1, 0];
        int[] predictions = [0, 1, 1, 1, 2, 0, 2, 0, 2, 2, 1, 0, 1, 2, 1, 1];
        var multiclass = Bootstrap.Multiclass(MulticlassConfusion.Count(labels, predictions, 3), options: new BootstrapOptions { Seed = 5 });

        AssertDigest(binary, 0xC656855F8300BB79UL);
        AssertDigest(multiclass, 0x639F20233A0ED6FFUL);
    }

    [Fact]
    public void PairedFairness_PinnedSeed_GivesAPinnedDigest()
    {
        var random = Xoshiro256StarStar.FromSeed(11);
        const int rows = 50_000;
        var (labels, a, b, codes) = (new int[rows], new int[rows], new int[rows], new int[rows]);
        for (var i = 0; i < rows; i++)
        {
            codes[i] = random.NextOpenDouble() < 0.7 ? 0 : 1;
            labels[i] = random.NextOpenDouble() < 0.4 ? 1 : 0;
            a[i] = random.NextOpenDouble() < (labels[i] == 1 ? 0.8 : 0.1) ? 1 : 0;
            b[i] = random.NextOpenDouble() < 0.9 ? a[i] : 1 - a[i];
        }

        var groups = GroupIndex.Create(new SensitiveFeature("g", codes, ["x", "y"]));
        var result = PairedBootstrap.Fairness(labels, a, b, groups, FairnessOptions.Default, new BootstrapOptions { Seed = 13 });

        AssertDigest(result, 0x900EED45C7885CB2UL);
    }

    private static GroupedConfusion Counts(string[] levels, params ConfusionCounts[] counts) =>
        GroupedConfusion.FromCounts(GroupIndex.Create(new SensitiveFeature("g", Array.Empty<int>(), levels)), counts);

    private static void AssertBounds(BootstrapResult result, string metric, ulong lower, ulong upper)
    {
        var interval = result[metric];
        Assert.Equal((metric, lower, upper), (metric, Bits(interval.Lower), Bits(interval.Upper)));
    }

    private static void AssertDigest(BootstrapResult result, ulong expected) => Assert.Equal(expected, Digest(result));

    private static ulong Bits(double value) => (ulong)BitConverter.DoubleToInt64Bits(value);

    /// <summary>FNV-1a over the bits of every bound and every valid-replicate count, in interval order.</summary>
    private static ulong Digest(BootstrapResult result)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var interval in result.Intervals)
        {
            foreach (var word in new[] { Bits(interval.Lower), Bits(interval.Upper), (ulong)interval.ValidReplicates })
            {
                for (var shift = 0; shift < 64; shift += 8)
                {
                    hash = (hash ^ ((word >> shift) & 0xFF)) * 0x100000001B3UL;
                }
            }
        }

        return hash;
    }
}
