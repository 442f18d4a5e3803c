using ModelGrid.Cards;

namespace ModelGrid.Contracts.Tests.Cards;

public sealed class EvaluationCardTests
{
    private const string PublisherCard = """
        ---
        license: MIT
        model-index:
          - name: alice/toy
            results:
              - task: { type: tabular-classification }
                dataset: { name: training rows, type: toy }
                metrics:
                  - { type: accuracy, value: 0.99, name: training accuracy, verified: true }
        ---
        # Toy

        Publisher's text.
        """;

    private static readonly Guid Job = Guid.Parse("11111111-2222-3333-4444-555555555555");

    [Fact]
    public void Render_SameResults_GiveTheSameBytes()
    {
        RecordedResult[] results = [new(Job, 1, SampleReports.Bias(0.81))];

        Assert.Equal(EvaluationCard.Render(PublisherCard, "alice/toy", results), EvaluationCard.Render(PublisherCard, "alice/toy", results));
    }

    [Fact]
    public void Render_KeepsThePublishersResultsSelfReported_AndAddsTheGridsAsVerified()
    {
        var card = ModelCard.Parse(EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 2, SampleReports.Bias(0.81))]));

        var text = EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 2, SampleReports.Bias(0.81))]);
        Assert.Contains("training accuracy\n      verified: false", text, StringComparison.Ordinal);
        Assert.Contains("name: publisher (self-reported)", text, StringComparison.Ordinal);
        Assert.Contains("url: /api/v1/evaluations/11111111-2222-3333-4444-555555555555", text, StringComparison.Ordinal);
        Assert.Contains("- type: accuracy\n      value: 0.81\n      name: accuracy\n      verified: true\n      ci:\n        lower: 0.76\n        upper: 0.86", text, StringComparison.Ordinal);
        Assert.Contains("attempt: 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("log_loss", text.Split("---")[1], StringComparison.Ordinal);
        Assert.Contains("Publisher's text.", card.Body, StringComparison.Ordinal);
        Assert.Contains("| [accuracy](#metric-accuracy) | 0.8100 [0.7600, 0.8600] |", card.Body, StringComparison.Ordinal);
        Assert.Contains("| F | 50 | 20 | 0.3000 [0.2000, 0.4000] |", card.Body, StringComparison.Ordinal);
        Assert.Contains("Notes: 1 warning.\n\n<details><summary>All 1 notes</summary>\n\n- sex: a note\n\n</details>\n", card.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CardWithoutFrontMatter_GetsAModelIndexNamedAfterTheModel()
    {
        var text = EvaluationCard.Render("# Just text\n", "bob/plain", [new(Job, 1, SampleReports.Bias(0.7))]);

        var card = ModelCard.Parse(text);
        Assert.NotNull(card.FrontMatter);
        Assert.StartsWith("---\nmodel-index:\n- name: bob/plain\n  results:\n", text, StringComparison.Ordinal);
        Assert.StartsWith("# Just text\n", card.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TwoResults_ListsThemInRecordingOrder()
    {
        var second = Guid.Parse("99999999-2222-3333-4444-555555555555");

        var text = EvaluationCard.Render(PublisherCard, "alice/toy", [new(second, 1, SampleReports.Bias(0.7)), new(Job, 1, SampleReports.Bias(0.8))]);

        Assert.True(text.IndexOf(second.ToString(), StringComparison.Ordinal) < text.IndexOf(Job.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ThroughputResult_HasNoRowCount()
    {
        var text = EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.Throughput())]);

        var front = text.Split("---")[1];
        Assert.Contains("      cpu: test cpu\n", front, StringComparison.Ordinal);
        Assert.DoesNotContain("rows:", front, StringComparison.Ordinal);
        Assert.Contains("      rows: 100\n", EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.Bias(0.8))]), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ThroughputResult_NamesReadAsWords()
    {
        var text = EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.Throughput())]);

        Assert.Contains("- type: samples_per_second.batch_1.threads_1\n      value: 1234.5\n      name: samples/s at batch 1, 1 thread\n", text, StringComparison.Ordinal);
        Assert.Contains("name: latency p50 (ms) at batch 1, 1 thread\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("samples per second.batch", text, StringComparison.Ordinal);
        Assert.Contains("| threads | batch | [samples/s](#metric-samples_per_second) | [p50 ms](#metric-latency_p50_ms) |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FairnessNames_ReadAsWordsInTheFrontMatter()
    {
        var text = EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.Bias(0.8))]);

        Assert.Contains("name: demographic parity difference (between groups) by sex\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Results_LinkEachMetricToADefinitionInTheCard()
    {
        var body = ModelCard.Parse(EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.BiasWithSmallGroup()), new(Job, 2, SampleReports.Throughput())])).Body;

        Assert.Contains("| [aif360.disparate_impact](#metric-aif360-disparate_impact) | 0.7401 [0.7100, 0.7700] |", body, StringComparison.Ordinal);
        Assert.Contains("\n### Metric definitions\n", body, StringComparison.Ordinal);
        foreach (var anchor in new[] { "metric-accuracy", "metric-roc_auc", "metric-aif360-disparate_impact", "metric-selection_rate", "metric-samples_per_second", "metric-latency_p90_ms" })
        {
            Assert.Contains($"<a id=\"{anchor}\"></a>", body, StringComparison.Ordinal);
        }

        Assert.Contains(
            "<a id=\"metric-aif360-disparate_impact\"></a>**aif360.disparate_impact** (disparate impact (AIF360)): The rate at which the unprivileged rows get the favourable outcome",
            body,
            StringComparison.Ordinal);
        Assert.Contains(" Better: closer to 1; below 0.8 fails the four-fifths rule.\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<a id=\"metric-macro_f1\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GroupBelowTheMinimum_ShowsTheReasonNotZeros()
    {
        var body = ModelCard.Parse(EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.BiasWithSmallGroup())])).Body;

        Assert.Contains("| Asian, Female | 2 | 1 | n = 2, below the minimum of 30: not reported | — | — | — | — |\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0000 [0.0000, 0.0000]", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyWarnings_ASummaryByKindWithTheListFolded()
    {
        var body = ModelCard.Parse(EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.BiasWithSmallGroup())])).Body;

        Assert.Contains(
            "\nNotes: 4 groups below the minimum size (not reported); 4 intervals from fewer replicates (the figure was undefined in some).\n\n<details><summary>All 8 notes</summary>\n\n- race x sex: warning 1\n",
            body,
            StringComparison.Ordinal);
        Assert.DoesNotContain("- note:", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BiasResult_SaysWhichPredictionEachFamilyCounts()
    {
        var body = ModelCard.Parse(EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.BiasWithSmallGroup())])).Body;

        Assert.Contains("AIF360 metrics (aif360.*) count the favourable outcome ŷ = 0 (two_year_recid = 0: predicted not to be charged again within two years)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PublisherText_IsMarkedAsThePublishersAboveTheGridsResults()
    {
        var body = ModelCard.Parse(EvaluationCard.Render(PublisherCard, "alice/toy", [new(Job, 1, SampleReports.Bias(0.8))])).Body;

        Assert.Contains(EvaluationCard.Heading + "\n\nEverything above this heading is the publisher's card (r1) as published.", body, StringComparison.Ordinal);
    }
}
