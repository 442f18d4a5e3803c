using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Running;

public sealed class SuiteRunnerTests
{
    private static readonly SuiteRunner Runner = new(new OnnxSessionFactory(new SessionSettings()), MirrorArtifacts.Instance);

    private static Suite Load(string id) => Suite.Load(Path.Combine(MirrorArtifacts.SuitesFolder, id), MirrorArtifacts.Instance);

    [Fact]
    public async Task RunAsync_MnistOnTheModelZooModel_Gives98Point91PercentAccuracy()
    {
        var outcome = await Runner.RunAsync(Load("mnist-accuracy"), MirrorArtifacts.MnistModel, cancellationToken: TestContext.Current.CancellationToken);

        var report = outcome.Report;
        Assert.Equal(10_000, report.Rows);
        Assert.Equal(0.9891, report.Metric("accuracy")!.Value, 12);
        Assert.InRange(report.Metric("accuracy")!.Lower, 0.985, 0.9891);
        Assert.InRange(report.Metric("accuracy")!.Upper, 0.9891, 0.993);
        Assert.Equal(1000, report.Metric("accuracy")!.ValidReplicates);
        Assert.Equal(9891, outcome.Predictions!.Predictions.Where((p, i) => p == outcome.Predictions.Labels[i]).Count());
        Assert.Equal("CPU", report.Environment.ActualProvider);
        Assert.Equal("CUDA", report.Environment.RequestedProvider);
        Assert.NotNull(report.Metric("log_loss"));
    }

    [Fact]
    public async Task RunAsync_CompasVendorRule_ReproducesProPublicasTable()
    {
        var outcome = await Runner.RunAsync(Load("compas-recidivism"), MirrorArtifacts.SampleModel("compas-recidivism", 4), cancellationToken: TestContext.Current.CancellationToken);

        var report = outcome.Report;
        Assert.Equal(7214, report.Rows);
        Assert.Equal(3251, report.Positives);
        Assert.Equal(1282.0 / 3963, report.Metric("false_positive_rate")!.Value, 12);
        Assert.Equal(1216.0 / 3251, report.Metric("false_negative_rate")!.Value, 12);
        var race = report.Fairness.Single(v => v.Name == "race");
        var black = race.Groups.Single(g => g.Group == "African-American");
        var white = race.Groups.Single(g => g.Group == "Caucasian");
        Assert.Equal((990L, 805L, 532L, 1369L), (black.TrueNegatives, black.FalsePositives, black.FalseNegatives, black.TruePositives));
        Assert.Equal((1139L, 349L, 461L, 505L), (white.TrueNegatives, white.FalsePositives, white.FalseNegatives, white.TruePositives));
        Assert.Equal(0.4485, Math.Round(black.Rates.Single(r => r.Name == "false_positive_rate").Value, 4));
        Assert.Equal(0.2799, Math.Round(black.Rates.Single(r => r.Name == "false_negative_rate").Value, 4));
        Assert.Equal(0.2345, Math.Round(white.Rates.Single(r => r.Name == "false_positive_rate").Value, 4));
        Assert.Equal(0.4772, Math.Round(white.Rates.Single(r => r.Name == "false_negative_rate").Value, 4));
        Assert.Equal(["race", "sex", "race x sex"], report.Fairness.Select(v => v.Name));
        Assert.False(race.Groups.Single(g => g.Group == "Native American").InDisparity);
        Assert.Contains(report.Warnings, w => w.StartsWith("race: ", StringComparison.Ordinal) && w.Contains("Native American", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AdultOnTwoVersions_FeedsEachTheInputsItDeclares()
    {
        var suite = Load("adult-income");

        var withSensitive = await Runner.RunAsync(suite, MirrorArtifacts.SampleModel("adult-income", 1), cancellationToken: TestContext.Current.CancellationToken);
        var without = await Runner.RunAsync(suite, MirrorArtifacts.SampleModel("adult-income", 2), cancellationToken: TestContext.Current.CancellationToken);

        foreach (var report in new[] { withSensitive.Report, without.Report })
        {
            Assert.Equal(16_281, report.Rows);
            Assert.Equal(3846, report.Positives);
            var sex = report.Fairness.Single(v => v.Name == "sex");
            Assert.Equal((5421L, 590L), (sex.Groups[0].Count, sex.Groups[0].Positives));
            Assert.Equal((10_860L, 3256L), (sex.Groups[1].Count, sex.Groups[1].Positives));
            Assert.InRange(report.Metric("accuracy")!.Value, 0.8, 0.9);
            Assert.Equal(10, report.Fairness.Single(v => v.Name == "sex x race").Groups.Count);
        }

        Assert.NotEqual(withSensitive.Report.Metric("selection_rate")!.Value, without.Report.Metric("selection_rate")!.Value);
    }

    [Fact]
    public async Task RunAsync_SameModelTwice_GivesIdenticalFigures()
    {
        var suite = Load("compas-recidivism");
        var model = MirrorArtifacts.SampleModel("compas-recidivism", 1);

        var first = await Runner.RunAsync(suite, model, cancellationToken: TestContext.Current.CancellationToken);
        var second = await Runner.RunAsync(suite, model, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Strip(first.Report), Strip(second.Report));
        Assert.Equal(first.Predictions!.ToCsv(), second.Predictions!.ToCsv());
    }

    [Fact]
    public async Task RunAsync_ModelWhoseInputsTheSuiteDoesNotMap_FailsWithTheInputsName()
    {
        var error = await Assert.ThrowsAsync<ModelInputMismatchException>(() =>
            Runner.RunAsync(Load("adult-income"), MirrorArtifacts.MnistModel, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("the model's input 'Input3' is not mapped by suite adult-income@1", error.Message);
    }

    [Fact]
    public async Task RunAsync_TabularModelOnTheImageSuite_FailsClearly()
    {
        var error = await Assert.ThrowsAsync<ModelInputMismatchException>(() =>
            Runner.RunAsync(Load("mnist-accuracy"), MirrorArtifacts.SampleModel("compas-recidivism", 4), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("the model's input 'decile_score' has shape [-1, 1], which does not hold one item of 784 values", error.Message);
    }

    [Fact]
    public async Task RunAsync_RowPredictions_RoundTripThroughCsv()
    {
        var outcome = await Runner.RunAsync(Load("compas-recidivism"), MirrorArtifacts.SampleModel("compas-recidivism", 4), cancellationToken: TestContext.Current.CancellationToken);

        var parsed = RowPredictions.Parse(outcome.Predictions!.ToCsv());

        Assert.Equal(outcome.Predictions.Keys, parsed.Keys);
        Assert.Equal(outcome.Predictions.Predictions, parsed.Predictions);
        Assert.Equal(outcome.Predictions.Scores, parsed.Scores);
    }

    private static string Strip(EvaluationReport report) =>
        System.Text.Encoding.UTF8.GetString(EvaluationJson.Serialize(report with { Timings = new RunTimings(0, 0, 0, 0) }));
}
