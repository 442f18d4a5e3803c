using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>
/// The exact samplers against their distributions. Seeds are fixed, so these checks are deterministic; the bounds are
/// 5 standard errors wide so that a correct sampler passes for any seed.
/// </summary>
public sealed class BinomialSamplerTests
{
    [Theory]
    [InlineData(20, 0.1)]
    [InlineData(30, 0.4)]
    [InlineData(40, 0.75)]
    [InlineData(1000, 0.3)]
    public void Sample_ManyDraws_MatchesBinomialProbabilities(int n, double p)
    {
        const int draws = 200_000;
        var random = Xoshiro256StarStar.FromSeed(11);
        var histogram = new long[n + 1];
        for (var i = 0; i < draws; i++)
        {
            histogram[BinomialSampler.Sample(ref random, n, p)]++;
        }

        for (var k = 0; k <= n; k++)
        {
            var expected = draws * Pmf(n, p, k);
            var tolerance = (5 * Math.Sqrt(expected)) + 3;
            Assert.InRange(histogram[k], expected - tolerance, expected + tolerance);
        }
    }

    [Fact]
    public void Sample_LargeN_MatchesMeanAndVariance()
    {
        const int draws = 100_000;
        const long n = 1_000_000;
        const double p = 0.25;
        var random = Xoshiro256StarStar.FromSeed(5);
        double sum = 0, squares = 0;
        for (var i = 0; i < draws; i++)
        {
            double x = BinomialSampler.Sample(ref random, n, p);
            sum += x;
            squares += x * x;
        }

        var mean = sum / draws;
        var variance = (squares / draws) - (mean * mean);
        var sd = Math.Sqrt(n * p * (1 - p));
        Assert.InRange(mean, (n * p) - (5 * sd / Math.Sqrt(draws)), (n * p) + (5 * sd / Math.Sqrt(draws)));
        Assert.InRange(variance / (sd * sd), 0.97, 1.03);
    }

    [Theory]
    [InlineData(0, 0.5, 0)]
    [InlineData(10, 0.0, 0)]
    [InlineData(10, 1.0, 10)]
    public void Sample_DegenerateCases_AreExact(long n, double p, long expected)
    {
        var random = Xoshiro256StarStar.FromSeed(1);

        Assert.Equal(expected, BinomialSampler.Sample(ref random, n, p));
    }

    [Fact]
    public void MultinomialSample_AnyDraw_SumsToNAndKeepsEmptyCellsEmpty()
    {
        long[] observed = [500_000, 0, 250_000, 3, 0, 249_997];
        var sampler = new MultinomialSampler(observed);
        var random = Xoshiro256StarStar.FromSeed(9);
        var cells = new long[observed.Length];
        var totals = new double[observed.Length];

        for (var r = 0; r < 1000; r++)
        {
            sampler.Sample(ref random, cells);
            Assert.Equal(1_000_000, cells.Sum());
            Assert.Equal(0, cells[1]);
            Assert.Equal(0, cells[4]);
            for (var c = 0; c < cells.Length; c++)
            {
                totals[c] += cells[c];
            }
        }

        // Mean of 1000 draws: within 5 standard errors of N·p for the large cells.
        Assert.InRange(totals[0] / 1000, 500_000 - 80, 500_000 + 80);
        Assert.InRange(totals[2] / 1000, 250_000 - 70, 250_000 + 70);
        Assert.InRange(totals[3] / 1000, 3 - 0.3, 3 + 0.3);
    }

    private static double Pmf(int n, double p, int k)
    {
        var log = LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));
        return Math.Exp(log);
    }

    private static double LogFactorial(int n)
    {
        var sum = 0.0;
        for (var i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }
}
