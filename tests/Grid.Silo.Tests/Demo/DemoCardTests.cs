using ModelGrid.Cards;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Silo.Demo;

namespace ModelGrid.Silo.Tests.Demo;

/// <summary>The demo model's card stays true in every revision: r1 as published, and each revision with the grid's results.</summary>
public sealed class DemoCardTests
{
    [Fact]
    public async Task Render_DemoCardWithResults_SaysNothingThatOnlyR1MakesTrue()
    {
        var card = await ReadDemoCardAsync();
        var result = new RecordedResult(Guid.Parse("11111111-2222-3333-4444-555555555555"), 1, new EvaluationReport(
            "mnist-accuracy", 1, new string('d', 64), SuiteKind.Accuracy, TaskKind.Multiclass, Evaluator.Version, new string('m', 64), 10_000, 0,
            [new MetricValue("accuracy", 0.9891, 0.9870, 0.9910, 1000, 0)], [], null, new BootstrapSpec(1000, 1, 0.95),
            new RunEnvironment("1.31.0", "CUDA", "CPU", null, "test cpu", null, 2, 2, "linux", ".NET 10", "cpu"), new RunTimings(1, 1, 1, 1), []));

        var r2 = EvaluationCard.Render(card, "demo/mnist", [result]);

        Assert.DoesNotContain("No results are recorded", r2, StringComparison.Ordinal);
        Assert.Contains("The publisher reports no results of its own.", r2, StringComparison.Ordinal);
        Assert.Contains("| [accuracy](#metric-accuracy) | 0.9891 [0.9870, 0.9910] |", r2, StringComparison.Ordinal);
    }

    private static async Task<string> ReadDemoCardAsync()
    {
        await using var stream = typeof(DemoPublisher).Assembly.GetManifestResourceStream("ModelGrid.Silo.Demo.mnist-card.md")!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
