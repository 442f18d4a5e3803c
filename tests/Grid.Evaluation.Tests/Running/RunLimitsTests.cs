using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Running;

public sealed class RunLimitsTests
{
    private static readonly SuiteSpec Throughput = SuiteLoader.Parse("""
        id: t
        kind: throughput
        description: t
        data: { format: generated }
        throughput: { batch-sizes: [1] }
        """);

    [Fact]
    public void For_SuiteWithoutLimits_TakesTheKindsDefaults()
    {
        Assert.Equal(new RunLimits(TimeSpan.FromMinutes(15), 4L << 30), RunLimits.For(Throughput, RunSettings.Default));
        Assert.Equal(new RunLimits(TimeSpan.FromMinutes(30), 4L << 30), RunLimits.For(Throughput with { Kind = SuiteKind.Bias }, RunSettings.Default));
    }

    [Fact]
    public void For_DeclaredLimits_AreLoweredToTheHostsCapsOnly()
    {
        var declared = Throughput with { Limits = new SuiteLimits(TimeSpan.FromMinutes(40), 1L << 30) };

        Assert.Equal(new RunLimits(TimeSpan.FromMinutes(40), 1L << 30), RunLimits.For(declared, new RunSettings { MaxWallClock = TimeSpan.FromHours(1), MaxMemoryBytes = 8L << 30 }));
        Assert.Equal(new RunLimits(TimeSpan.FromMinutes(20), 512L << 20), RunLimits.For(declared, new RunSettings { MaxWallClock = TimeSpan.FromMinutes(20), MaxMemoryBytes = 512L << 20 }));
        Assert.Equal(new RunLimits(TimeSpan.FromMinutes(40), 4L << 30), RunLimits.For(declared with { Limits = new SuiteLimits(TimeSpan.FromMinutes(40), null) }, RunSettings.Default));
    }

    [Fact]
    public void ToString_ReadsAsTheLogShowsIt()
    {
        Assert.Equal("wall clock 1 h 30 min, memory 1.5 GiB", new RunLimits(TimeSpan.FromMinutes(90), 3L << 29).ToString());
        Assert.Equal("wall clock 0.25 s, memory 512 bytes", new RunLimits(TimeSpan.FromMilliseconds(250), 512).ToString());
    }
}
