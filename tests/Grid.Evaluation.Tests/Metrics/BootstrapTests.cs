using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

public sealed class BootstrapTests
{
    [Fact]
    public void Fairness_SameSeed_GivesTheSameBits()
    {
        var counts = LargeSample(20_000, seed: 1);

        var first = Bootstrap.Fairness(counts, FairnessOptions.Default, new BootstrapOptions { Seed = 42 });
        var second = Bootstrap.Fairness(counts, FairnessOptions.Default, new BootstrapOptions { Seed = 42 });

        Assert.Equal(first.Intervals.Count, second.Intervals.Count);
        for (var i = 0; i < first.Intervals.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(first.Intervals[i].Lower), BitConverter.DoubleToInt64Bits(second.Intervals[i].Lower));
            Assert.Equal(BitConverter.DoubleToInt64Bits(first.Intervals[i].Upper), BitConverter.DoubleToInt64Bits(second.Intervals[i].Upper));
        }
    }

    [Fact]
    public void Fairness_DifferentSeed_GivesDifferentIntervals()
    {
        var counts = LargeSample(20_000, seed: 1);

        var first = Bootstrap.Fairness(counts, FairnessOptions.Default, new BootstrapOptions { Seed = 1 });
        var second = Bootstrap.Fairness(counts, FairnessOptions.Default, new BootstrapOptions { Seed = 2 });

        var name = MetricNames.DemographicParityDifference(DisparityMethod.BetweenGroups);
        Assert.NotEqual(first[name].Lower, second[name].Lower);
    }

    [Fact]
    public void Fairness_LargeSample_EveryIntervalHoldsItsEstimate()
    {
        var counts = LargeSample(200_000, seed: 3);
        var options = FairnessOptions.Default with { PrivilegedGroup = ["a"] };

        var result = Bootstrap.Fairness(counts, options, new BootstrapOptions { Seed = 5 });

        var report = FairnessMetrics.Evaluate(counts, options);
        Assert.Equal(BootstrapResampling.CellMultinomial, result.Resampling);
        Assert.Equal(1000, result.Replicates);
        Assert.Equal(report.BetweenGroups.DemographicParityDifference, result[MetricNames.DemographicParityDifference(DisparityMethod.BetweenGroups)].Estimate);
        Assert.All(result.Intervals, interval =>
        {
            Assert.Equal(1000, interval.ValidReplicates);
            Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
            Assert.True(interval.Upper - interval.Lower < 0.1, interval.Metric);
        });
    }

    [Fact]
    public void Fairness_RateInterval_AgreesWithNaiveRowBootstrap()
    {
        // 300 rows, group a of about 100 with selection rate about 0.3. Both bootstraps estimate the same percentiles
        // of the same distribution with B = 4000. The Monte Carlo error of a 2.5% or 97.5% percentile is about
        // sqrt(q(1−q)/B)/density ≈ 0.0025/1.2 ≈ 0.002 per run, 0.003 for a difference of two runs, and the rate moves
        // on a grid of about 1/100, so percentiles of the two runs can fall one grid step apart: 0.02 allows two steps.
        var (labels, predictions, groups) = SmallSample();
        var index = GroupIndex.Create(TestData.Feature("g", groups));
        var counts = GroupedConfusion.Count(labels, predictions, index);
        const int replicates = 4000;

        var multinomial = Bootstrap.Fairness(counts, TestData.NaNMode, new BootstrapOptions { Replicates = replicates, Seed = 8 });

        var naive = NaiveSelectionRates(predictions, groups, "a", replicates, seed: 99);
        var interval = multinomial[MetricNames.Group(index.Groups[0], BinaryRate.SelectionRate)];
        Assert.Equal(Percentile.Of(naive, 0.025), interval.Lower, 0.02);
        Assert.Equal(Percentile.Of(naive, 0.975), interval.Upper, 0.02);
    }

    [Fact]
    public void Fairness_TinyGroupVanishing_CountsUndefinedReplicatesExactly()
    {
        // 200 rows, group "tiny" has one row: it is absent from a replicate with probability (199/200)^200 ≈ e^−1.
        var (labels, predictions, groups) = TestData.Expand(("big", 60, 40, 30, 69), ("tiny", 1, 0, 0, 0));
        var index = GroupIndex.Create(TestData.Feature("g", groups));
        var counts = GroupedConfusion.Count(labels, predictions, index);
        var options = new BootstrapOptions { Seed = 21 };

        var result = Bootstrap.Fairness(counts, TestData.NaNMode, options);

        var interval = result[MetricNames.Group(index.Groups[1], BinaryRate.SelectionRate)];
        Assert.Equal(ReplicatesWithEmptyGroup(counts, group: 1, options), interval.UndefinedReplicates);
        Assert.InRange(interval.UndefinedReplicates, 368 - 70, 368 + 70);
        Assert.Equal(1000, interval.ValidReplicates + interval.UndefinedReplicates);
        Assert.Contains(result.Warnings, w => w.Kind == MetricWarningKind.UndefinedReplicates && w.Subject == interval.Metric);
        Assert.Equal(0, result[MetricNames.Overall(BinaryRate.SelectionRate)].UndefinedReplicates);
    }

    [Fact]
    public void Fairness_FewerThanMinimumReplicates_Throws()
    {
        var counts = LargeSample(1000, seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Fairness(counts, null, new BootstrapOptions { Replicates = 999 }));
    }

    [Fact]
    public void Scores_LargeSample_IntervalsHoldEstimatesAndRepeat()
    {
        var (labels, scores) = Scores(5000, seed: 4);

        var first = Bootstrap.Scores(labels, scores, options: new BootstrapOptions { Seed = 3 });
        var second = Bootstrap.Scores(labels, scores, options: new BootstrapOptions { Seed = 3 });

        var report = ScoreMetrics.Evaluate(labels, scores);
        Assert.Equal(BootstrapResampling.RowIndex, first.Resampling);
        Assert.Equal(report.RocAuc, first[MetricNames.RocAuc].Estimate);
        Assert.All(first.Intervals, interval => Assert.InRange(interval.Estimate, interval.Lower, interval.Upper));
        Assert.Equal(first.Intervals, second.Intervals);
    }

    [Fact]
    public void Binary_Counts_MatchesFairnessOverallIntervalsForTheSameDraws()
    {
        // One group holding every row: the fairness statistic's overall rates come from the same four cells, drawn by
        // the same generators, so the intervals agree bit for bit.
        var (labels, predictions, _) = TestData.Expand(("all", 300, 120, 80, 500));
        var counts = ConfusionCounts.FromRows(labels, predictions);

        var binary = Bootstrap.Binary(counts, options: new BootstrapOptions { Seed = 4 });
        var grouped = Bootstrap.Fairness(
            GroupedConfusion.Count(labels, predictions, GroupIndex.All(labels.Length)), TestData.NaNMode, new BootstrapOptions { Seed = 4 });

        Assert.Equal(8, binary.Intervals.Count);
        Assert.All(binary.Intervals, interval => Assert.Equal(grouped[interval.Metric], interval));
        Assert.Equal(0.8, binary[MetricNames.Overall(BinaryRate.Accuracy)].Estimate, 1e-12);
    }

    [Fact]
    public void Multiclass_Intervals_HoldEstimates()
    {
        var random = Xoshiro256StarStar.FromSeed(6);
        var labels = new int[3000];
        var predictions = new int[3000];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = (int)random.NextBelow(3);
            predictions[i] = random.NextOpenDouble() < 0.7 ? labels[i] : (int)random.NextBelow(3);
        }

        var result = Bootstrap.Multiclass(MulticlassConfusion.Count(labels, predictions, 3));

        var report = MulticlassMetrics.Evaluate(labels, predictions, 3);
        Assert.Equal(report.MacroF1, result[MetricNames.MacroF1].Estimate);
        Assert.All(result.Intervals, interval => Assert.InRange(interval.Estimate, interval.Lower, interval.Upper));
    }

    [Fact]
    public void Percentile_SortedValues_InterpolatesLikeNumpy()
    {
        double[] values = [1, 2, 3, 4];

        // numpy.quantile([1, 2, 3, 4], [0.025, 0.5, 0.975]) = [1.075, 2.5, 3.925].
        Assert.Equal(1.075, Percentile.Of(values, 0.025), 1e-12);
        Assert.Equal(2.5, Percentile.Of(values, 0.5), 1e-12);
        Assert.Equal(3.925, Percentile.Of(values, 0.975), 1e-12);
        Assert.Equal((0.025, 0.975), BootstrapOptions.Default.Quantiles);
    }

    [Fact]
    public void Percentile_UnsortedValuesWithTies_MatchesSortedReference()
    {
        var random = Xoshiro256StarStar.FromSeed(12);
        for (var trial = 0; trial < 200; trial++)
        {
            var values = new double[1 + (int)random.NextBelow(300)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.NextBelow(20) / 4.0;
            }

            var sorted = values.Order().ToArray();
            foreach (var q in new[] { 0.0, 0.025, 0.5, 0.975, 1.0 })
            {
                var h = (sorted.Length - 1) * q;
                var below = (int)Math.Floor(h);
                var above = Math.Min(below + 1, sorted.Length - 1);
                var expected = sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
                Assert.Equal(expected, Percentile.Of(values, q), 1e-12);
            }
        }
    }

    internal static GroupedConfusion LargeSample(int rows, ulong seed)
    {
        // Two groups with clearly different rates: a (60%): SR ≈ 0.44, b (40%): SR ≈ 0.30.
        var random = Xoshiro256StarStar.FromSeed(seed);
        var labels = new int[rows];
        var predictions = new int[rows];
        var codes = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            codes[i] = random.NextOpenDouble() < 0.6 ? 0 : 1;
            labels[i] = random.NextOpenDouble() < (codes[i] == 0 ? 0.5 : 0.4) ? 1 : 0;
            var positive = labels[i] == 1 ? (codes[i] == 0 ? 0.75 : 0.6) : (codes[i] == 0 ? 0.13 : 0.1);
            predictions[i] = random.NextOpenDouble() < positive ? 1 : 0;
        }

        var index = GroupIndex.Create(new SensitiveFeature("g", codes, ["a", "b"]));
        return GroupedConfusion.Count(labels, predictions, index);
    }

    internal static (int[] Labels, double[] Scores) Scores(int rows, ulong seed)
    {
        var random = Xoshiro256StarStar.FromSeed(seed);
        var labels = new int[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextOpenDouble() < 0.4 ? 1 : 0;
            scores[i] = Math.Clamp((0.35 * labels[i]) + (0.65 * random.NextOpenDouble()), 0, 1);
        }

        return (labels, scores);
    }

    private static (int[] Labels, int[] Predictions, string[] Groups) SmallSample() =>
        TestData.Expand(("a", 20, 10, 25, 45), ("b", 60, 30, 40, 70));

    private static double[] NaiveSelectionRates(int[] predictions, string[] groups, string group, int replicates, ulong seed)
    {
        var random = Xoshiro256StarStar.FromSeed(seed);
        var rates = new List<double>();
        for (var r = 0; r < replicates; r++)
        {
            long n = 0, selected = 0;
            for (var i = 0; i < predictions.Length; i++)
            {
                var row = (int)random.NextBelow((ulong)predictions.Length);
                if (groups[row] == group)
                {
                    n++;
                    selected += predictions[row];
                }
            }

            rates.Add((double)selected / n);
        }

        rates.Sort();
        return [.. rates];
    }

    private static int ReplicatesWithEmptyGroup(GroupedConfusion counts, int group, BootstrapOptions options)
    {
        var sampler = new MultinomialSampler(counts.Cells);
        var streams = Xoshiro256StarStar.ReplicateStreams(options.Seed, options.Replicates);
        var cells = new long[counts.Cells.Length];
        var empty = 0;
        for (var r = 0; r < options.Replicates; r++)
        {
            sampler.Sample(ref streams[r], cells);
            if (cells.AsSpan(group * 4, 4).ToArray().Sum() == 0)
            {
                empty++;
            }
        }

        return empty;
    }
}
