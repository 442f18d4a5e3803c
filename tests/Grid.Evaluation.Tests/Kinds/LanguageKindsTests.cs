using System.Globalization;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Kinds;

/// <summary>The language-model kinds end to end on stories260K's KV graph: the shipped suites through the suite runner, their reports, cards and comparisons.</summary>
public sealed class LanguageKindsTests
{
    private static readonly SuiteRunner Runner = new(new OnnxSessionFactory(new SessionSettings { Provider = ProviderRequest.Cpu }), MirrorArtifacts.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Model => TestArtifacts.Get("stories260K_kv.onnx");

    [Fact]
    public async Task RunAsync_StoriesChoice_ReportsAccAndAccNormPerSubsetWithIntervals()
    {
        var outcome = await Runner.RunAsync(Shipped("stories-choice"), Model, cancellationToken: Ct);

        Assert.Equal(40, outcome.Report.Rows);
        Assert.Equal(LanguageKinds.MultipleChoice, outcome.Report.Kind);
        Assert.Equal(
            [
                "acc 0.7750 [0.6500, 0.9000]",
                "acc_norm 0.8500 [0.7250, 0.9500]",
                "group[grammar].acc 0.7857 [0.5455, 1.0000]",
                "group[grammar].acc_norm 0.8571 [0.6248, 1.0000]",
                "group[people-and-animals].acc 0.5000 [0.2000, 0.7780]",
                "group[people-and-animals].acc_norm 0.6667 [0.3636, 0.9168]",
                "group[story-words].acc 1.0000 [1.0000, 1.0000]",
                "group[story-words].acc_norm 1.0000 [1.0000, 1.0000]",
            ],
            outcome.Report.Metrics.Select(Line));
        Assert.Equal(40, outcome.Predictions!.Count);
        Assert.Equal(("story-02", 2), (outcome.Predictions.Keys[1], outcome.Predictions.Labels[1]));
    }

    [Fact]
    public async Task RunAsync_CrowsPairs_ReportsPctStereotypePerBiasTypeOverEveryPair()
    {
        var outcome = await Runner.RunAsync(Shipped("crows-pairs"), Model, cancellationToken: Ct);

        Assert.Equal(1508, outcome.Report.Rows);
        Assert.Equal(
            [
                "pct_stereotype 0.3999 [0.3766, 0.4237]",
                "group[age].pct_stereotype 0.5977 [0.4878, 0.6980]",
                "group[disability].pct_stereotype 0.3333 [0.2131, 0.4491]",
                "group[gender].pct_stereotype 0.4962 [0.4337, 0.5595]",
                "group[nationality].pct_stereotype 0.4151 [0.3416, 0.4937]",
                "group[physical-appearance].pct_stereotype 0.5397 [0.4102, 0.6667]",
                "group[race-color].pct_stereotype 0.3120 [0.2724, 0.3524]",
                "group[religion].pct_stereotype 0.3143 [0.2277, 0.4095]",
                "group[sexual-orientation].pct_stereotype 0.4524 [0.3444, 0.5568]",
                "group[socioeconomic].pct_stereotype 0.4012 [0.3270, 0.4795]",
            ],
            outcome.Report.Metrics.Select(Line));
        Assert.Equal(603, outcome.Predictions!.Predictions.Sum());
    }

    [Fact]
    public async Task RunAsync_GenerationCpu_MeasuresEveryConfigurationAndPassesTheGreedyCheck()
    {
        var outcome = await Runner.RunAsync(Shipped("generation-cpu"), Model, cancellationToken: Ct);

        var report = outcome.Report;
        Assert.Equal(1, report.Metric(LanguageKinds.GreedyCheck)!.Value);
        foreach (var (batch, threads) in new[] { (1, 1), (8, 1), (1, 2), (8, 2) })
        {
            Assert.Equal(0, report.Metric(LanguageKinds.At("managed_bytes_per_token", batch, threads))!.Value);
            Assert.True(report.Metric(LanguageKinds.At("decode_tokens_per_second", batch, threads))!.Value > 0);
        }

        Assert.Null(outcome.Predictions);
        Assert.Contains("| 2 | 8 | ", GenerationPresentation.Instance.Markdown(report, 2, links: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareAsync_CrowsPairsAgainstAVersionPreferringEveryStereotypeOfRace_MarksThatDeltaAlone()
    {
        var suite = Shipped("crows-pairs");
        var outcome = await Runner.RunAsync(suite, Model, cancellationToken: Ct);
        var pairs = SentencePairEvaluation.ReadCrowsPairs(TestArtifacts.Get("crows_pairs_anonymized.csv"));
        var flipped = outcome.Predictions! with { Predictions = [.. outcome.Predictions.Predictions.Select((p, i) => pairs[i].BiasType == "race-color" ? 1 : p)] };
        ComparedVersion[] versions = [new(1, outcome.Report, outcome.Predictions), new(2, outcome.Report, flipped)];

        var comparison = await SuiteKinds.Default.Get(suite.Spec.Kind).CompareAsync(suite, MirrorArtifacts.Instance, versions, 1, Ct);

        var race = comparison.Metrics.Single(m => m.Name == "group[race-color].pct_stereotype").Figures[1];
        var gender = comparison.Metrics.Single(m => m.Name == "group[gender].pct_stereotype").Figures[1];
        Assert.Equal((Math.Round(1 - (161.0 / 516), 12), true), (Math.Round(race.Delta!.Value, 12), race.Significant));
        Assert.Equal((0.0, false), (gender.Delta!.Value, gender.Significant));
    }

    [Fact]
    public async Task CompareAsync_StoriesChoiceSameAnswers_GivesZeroDeltas()
    {
        var suite = Shipped("stories-choice");
        var outcome = await Runner.RunAsync(suite, Model, cancellationToken: Ct);
        ComparedVersion[] versions = [new(1, outcome.Report, outcome.Predictions!), new(2, outcome.Report, outcome.Predictions!)];

        var comparison = await SuiteKinds.Default.Get(suite.Spec.Kind).CompareAsync(suite, MirrorArtifacts.Instance, versions, 1, Ct);

        Assert.Equal(8, comparison.Metrics.Count);
        Assert.All(comparison.Metrics, m => Assert.Equal((0.0, (bool?)false), (m.Figures[1].Delta!.Value, m.Figures[1].Significant)));
    }

    [Theory]
    [InlineData("group[gender].pct_stereotype", "share preferring the stereotype of gender")]
    [InlineData("acc_norm", "accuracy, normalised by length")]
    [InlineData("decode_tokens_per_second.batch_8.threads_2", "decode tokens/s at batch 8, 2 threads")]
    public void Explain_LanguageModelFigures_AreDefined(string name, string readable) =>
        Assert.Equal(readable, MetricGlossary.Explain(name)!.Readable);

    private static Suite Shipped(string id) => Suite.Load(Path.Combine(MirrorArtifacts.SuitesFolder, id), MirrorArtifacts.Instance);

    private static string Line(MetricValue m) => string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.Value:F4} [{m.Lower:F4}, {m.Upper:F4}]");
}
