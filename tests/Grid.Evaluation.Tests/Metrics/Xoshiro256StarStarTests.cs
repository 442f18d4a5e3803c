using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void NextUInt64_StateOneTwoThreeFour_MatchesReferenceOutput()
    {
        var random = new Xoshiro256StarStar(1, 2, 3, 4);

        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600];
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(_ => random.NextUInt64()).ToArray());
    }

    [Fact]
    public void SplitMix64_SeedZero_MatchesReferenceOutput()
    {
        ulong state = 0;

        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, Xoshiro256StarStar.SplitMix64(ref state));
    }

    [Fact]
    public void FromSeed_Seed42_MatchesSplitMixSeededReference()
    {
        var random = Xoshiro256StarStar.FromSeed(42);

        ulong[] expected = [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193];
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(_ => random.NextUInt64()).ToArray());
    }

    [Fact]
    public void ReplicateStreams_SameSeed_AreIdenticalAndDistinctFromEachOther()
    {
        var first = Xoshiro256StarStar.ReplicateStreams(7, 3);
        var second = Xoshiro256StarStar.ReplicateStreams(7, 3);

        Assert.Equal(first[2].NextUInt64(), second[2].NextUInt64());
        Assert.NotEqual(first[0].NextUInt64(), first[1].NextUInt64());
    }

    [Fact]
    public void NextBelow_SmallBound_StaysInRangeAndCoversIt()
    {
        var random = Xoshiro256StarStar.FromSeed(1);
        var seen = new int[7];

        for (var i = 0; i < 7000; i++)
        {
            seen[random.NextBelow(7)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void NextOpenDouble_ManyDraws_StaysStrictlyInsideUnitInterval()
    {
        var random = Xoshiro256StarStar.FromSeed(3);

        for (var i = 0; i < 100_000; i++)
        {
            Assert.InRange(random.NextOpenDouble(), double.Epsilon, 1 - 1e-17);
        }
    }
}
