using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

public sealed class PercentileTests
{
    [Fact]
    public void Interval_RandomValuesWithNaNAndTies_GivesTheBitsOfSelection()
    {
        var random = Xoshiro256StarStar.FromSeed(21);
        for (var trial = 0; trial < 400; trial++)
        {
            // Lengths on both sides of the tail limit, so that both the tail buffers and the selection fallback run.
            var values = new double[1 + (int)random.NextBelow(trial % 2 == 0 ? 60UL : 3000UL)];
            for (var i = 0; i < values.Length; i++)
            {
                var u = random.NextOpenDouble();
                values[i] = u < 0.05 ? double.NaN : u < 0.3 ? random.NextBelow(8) / 8.0 : random.NextOpenDouble() - 0.5;
            }

            var original = values.ToArray();
            foreach (var (lowerQ, upperQ) in new[] { (0.025, 0.975), (0.0, 1.0), (0.005, 0.995), (0.25, 0.75) })
            {
                var defined = values.Where(v => !double.IsNaN(v)).ToArray();
                var expectedLower = Percentile.Of(defined.ToArray(), lowerQ);
                var expectedUpper = Percentile.Of(defined.ToArray(), upperQ);

                var (lower, upper, valid) = Percentile.Interval(values, lowerQ, upperQ, new double[values.Length]);

                Assert.Equal(defined.Length, valid);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedLower), BitConverter.DoubleToInt64Bits(lower));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedUpper), BitConverter.DoubleToInt64Bits(upper));
                Assert.Equal(original, values);
            }
        }
    }

    [Fact]
    public void Interval_OnlyNaN_IsUndefined()
    {
        double[] values = [double.NaN, double.NaN];

        var (lower, upper, valid) = Percentile.Interval(values, 0.025, 0.975, new double[2]);

        Assert.Equal((double.NaN, double.NaN, 0), (lower, upper, valid));
    }
}
