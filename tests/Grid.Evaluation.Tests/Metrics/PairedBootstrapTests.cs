using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

public sealed class PairedBootstrapTests
{
    [Fact]
    public void Fairness_IdenticalPredictions_DifferenceIsExactlyZeroAndNotSignificant()
    {
        var (labels, predictions, groups) = Sample(4000, seed: 1, accuracyA: 0.8, accuracyB: 0.8);
        var index = Index(groups);

        var result = PairedBootstrap.Fairness(labels, predictions.A, predictions.A, index, FairnessOptions.Default with { PrivilegedGroup = ["a"] });

        Assert.All(result.Intervals, interval =>
        {
            Assert.Equal(0.0, interval.Estimate);
            Assert.Equal(0.0, interval.Lower);
            Assert.Equal(0.0, interval.Upper);
            Assert.False(interval.ExcludesZero);
        });
    }

    [Fact]
    public void Fairness_ClearlyBetterVersion_AccuracyDifferenceIsSignificant()
    {
        var (labels, predictions, groups) = Sample(4000, seed: 2, accuracyA: 0.7, accuracyB: 0.9);
        var index = Index(groups);

        var result = PairedBootstrap.Fairness(labels, predictions.A, predictions.B, index);

        var accuracy = result[MetricNames.Overall(BinaryRate.Accuracy)];
        var a = FairnessMetrics.Evaluate(labels, predictions.A, index).Overall.Accuracy;
        var b = FairnessMetrics.Evaluate(labels, predictions.B, index).Overall.Accuracy;
        Assert.Equal(b - a, accuracy.Estimate, 1e-12);
        Assert.True(accuracy.ExcludesZero);
        Assert.True(accuracy.Lower > 0.15 && accuracy.Upper < 0.25, $"[{accuracy.Lower}, {accuracy.Upper}]");
        Assert.InRange(accuracy.Estimate, accuracy.Lower, accuracy.Upper);
    }

    [Fact]
    public void Fairness_SmallChange_IsNarrowerThanTheUnpairedIntervals()
    {
        // B differs from A on 1% of the rows: the paired interval of the accuracy difference is far narrower than
        // either version's own interval, because the shared row noise cancels.
        var (labels, predictions, groups) = Sample(4000, seed: 3, accuracyA: 0.8, accuracyB: 0.8);
        var b = (int[])predictions.A.Clone();
        for (var i = 0; i < b.Length; i += 100)
        {
            b[i] = labels[i];
        }

        var index = Index(groups);
        var paired = PairedBootstrap.Fairness(labels, predictions.A, b, index)[MetricNames.Overall(BinaryRate.Accuracy)];
        var single = Bootstrap.Fairness(GroupedConfusion.Count(labels, predictions.A, index))[MetricNames.Overall(BinaryRate.Accuracy)];

        Assert.True(paired.Upper - paired.Lower < (single.Upper - single.Lower) / 3);
        Assert.True(paired.Lower >= 0);
    }

    [Fact]
    public void MulticlassAccuracy_IdenticalAndDifferentVersions_BehaveAsExpected()
    {
        var random = Xoshiro256StarStar.FromSeed(4);
        var labels = new int[3000];
        var a = new int[3000];
        var b = new int[3000];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = (int)random.NextBelow(4);
            a[i] = random.NextOpenDouble() < 0.6 ? labels[i] : (int)random.NextBelow(4);
            b[i] = random.NextOpenDouble() < 0.85 ? labels[i] : (int)random.NextBelow(4);
        }

        var same = PairedBootstrap.MulticlassAccuracy(labels, a, a)[MetricNames.Accuracy];
        var better = PairedBootstrap.MulticlassAccuracy(labels, a, b, GroupIndex.All(labels.Length));

        Assert.Equal((0.0, 0.0, 0.0), (same.Estimate, same.Lower, same.Upper));
        Assert.False(same.ExcludesZero);
        Assert.True(better[MetricNames.Accuracy].Lower > 0);
        Assert.Equal(better[MetricNames.Accuracy].Estimate, better["group[all].accuracy"].Estimate, 1e-12);
    }

    [Fact]
    public void Scores_IdenticalAndBetterScores_BehaveAsExpected()
    {
        var (labels, scores) = BootstrapTests.Scores(3000, seed: 5);
        var sharper = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            sharper[i] = Math.Clamp((0.5 * scores[i]) + (0.5 * labels[i]), 0, 1);
        }

        var same = PairedBootstrap.Scores(labels, scores, scores);
        var better = PairedBootstrap.Scores(labels, scores, sharper);

        Assert.All(same.Intervals, interval => Assert.Equal((0.0, 0.0, 0.0), (interval.Estimate, interval.Lower, interval.Upper)));
        var auc = better[MetricNames.RocAuc];
        Assert.Equal(ScoreMetrics.RocAuc(labels, sharper) - ScoreMetrics.RocAuc(labels, scores), auc.Estimate, 1e-12);
        Assert.True(auc.Lower > 0);
        Assert.True(better[MetricNames.BrierScore].Upper < 0);
    }

    [Fact]
    public void MulticlassScores_IdenticalProbabilities_DifferenceIsExactlyZero()
    {
        double[] probabilities = [.7, .2, .1, .3, .4, .3, .1, .1, .8, .2, .5, .3];

        var result = PairedBootstrap.MulticlassScores([0, 2, 2, 1], probabilities, probabilities, 3);

        Assert.All(result.Intervals, interval => Assert.Equal((0.0, 0.0), (interval.Lower, interval.Upper)));
    }

    private static GroupIndex Index(string[] groups) => GroupIndex.Create(TestData.Feature("g", groups));

    private static (int[] Labels, (int[] A, int[] B) Predictions, string[] Groups) Sample(int rows, ulong seed, double accuracyA, double accuracyB)
    {
        var random = Xoshiro256StarStar.FromSeed(seed);
        var labels = new int[rows];
        var a = new int[rows];
        var b = new int[rows];
        var groups = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            groups[i] = random.NextOpenDouble() < 0.5 ? "a" : "b";
            labels[i] = random.NextOpenDouble() < 0.4 ? 1 : 0;
            a[i] = random.NextOpenDouble() < accuracyA ? labels[i] : 1 - labels[i];
            b[i] = random.NextOpenDouble() < accuracyB ? labels[i] : 1 - labels[i];
        }

        return (labels, (a, b), groups);
    }
}
