using ModelGrid.Silo.Web.Charts;

namespace ModelGrid.Silo.Tests.Web.Charts;

public sealed class ChartScaleTests
{
    [Fact]
    public void For_RatesWithZero_RoundStepsCoveringEveryValue()
    {
        var scale = ChartScale.For([0.12, 0.47, 0.31], includeZero: true, 10, 210);

        Assert.Equal(0, scale.Min);
        Assert.Equal(0.5, scale.Max);
        Assert.Equal(0.1, scale.Step);
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5], scale.Ticks);
    }

    [Fact]
    public void For_WithoutZero_StartsNearTheSmallestValue()
    {
        var scale = ChartScale.For([0.62, 0.71], includeZero: false, 0, 100);

        Assert.True(scale.Min <= 0.62 && scale.Min > 0.5, $"min {scale.Min}");
        Assert.True(scale.Max >= 0.71 && scale.Max < 0.8, $"max {scale.Max}");
    }

    [Fact]
    public void For_NegativeAndPositive_ZeroInsideTheRange()
    {
        var scale = ChartScale.For([-0.23, 0.18], includeZero: true, 0, 100);

        Assert.True(scale.Min <= -0.23 && scale.Max >= 0.18);
        Assert.Contains(0.0, scale.Ticks);
    }

    [Fact]
    public void For_NoValues_ZeroToOne()
    {
        var scale = ChartScale.For([], includeZero: true, 0, 100);

        Assert.Equal(0, scale.Min);
        Assert.Equal(1, scale.Max);
    }

    [Fact]
    public void For_OneValueWithoutZero_RangeAroundIt()
    {
        var scale = ChartScale.For([0.4, 0.4], includeZero: false, 0, 100);

        Assert.True(scale.Min < 0.4 && scale.Max > 0.4);
    }

    [Fact]
    public void For_NonFiniteValues_Ignored()
    {
        var scale = ChartScale.For([double.NaN, double.PositiveInfinity, 2.2], includeZero: true, 0, 100);

        Assert.Equal(0, scale.Min);
        Assert.Equal(2.5, scale.Max);
    }

    [Fact]
    public void Y_EndsAndMiddle_MapLinearly()
    {
        var scale = ChartScale.For([0, 1], includeZero: true, 20, 220);

        Assert.Equal(220, scale.Y(scale.Min), 9);
        Assert.Equal(20, scale.Y(scale.Max), 9);
        Assert.Equal(120, scale.Y((scale.Min + scale.Max) / 2), 9);
    }
}
