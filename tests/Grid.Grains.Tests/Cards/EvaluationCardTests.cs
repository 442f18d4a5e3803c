using ModelGrid.Grains.Cards;

namespace ModelGrid.Grains.Tests.Cards;

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
        Assert.Contains("| accuracy | 0.8100 [0.7600, 0.8600] |", card.Body, StringComparison.Ordinal);
        Assert.Contains("| F | 50 | 20 | 0.3000 [0.2000, 0.4000] |", card.Body, StringComparison.Ordinal);
        Assert.Contains("- note: sex: a note", card.Body, StringComparison.Ordinal);
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
}
