using System.Text;
using System.Text.Json;
using ModelGrid.Cards;
using ModelGrid.Contracts.Tests.Evaluation.Reporting;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Contracts.Tests.Evaluation.Kinds;

public sealed class SuiteKindPresentationsTests
{
    [Fact]
    public void Default_BuiltInKinds_AreRegisteredInOrder()
    {
        Assert.Equal(["accuracy", "bias", "throughput"], SuiteKindPresentations.Default.All.Take(3).Select(p => p.Kind.Name));
        Assert.Same(ClassificationPresentation.Bias, SuiteKindPresentations.Default.Get(SuiteKind.Bias));
    }

    [Fact]
    public void Deserialize_ResultOfAKindNotRegisteredHere_KeepsItsNameAndRendersItsMetricsPlainly()
    {
        var stored = EvaluationJson.Serialize(SampleReports.Bias(null, [], null) with { Kind = new SuiteKind("perplexity"), Fairness = [] });

        var report = EvaluationJson.Deserialize(stored);

        Assert.Equal(new SuiteKind("perplexity"), report.Kind);
        Assert.Contains("\"kind\": \"perplexity\"", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(stored, EvaluationJson.Serialize(report));
        Assert.Equal("| metric | value [CI] |\n| --- | --- |\n| accuracy | 0.8000 [0.7500, 0.8500] |\n", ReportMarkdown.Render(report));
        Assert.Contains("      type: perplexity\n", EvaluationCard.Render("# Toy\n", "alice/toy", [new RecordedResult(Guid.Empty, 1, report)]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"Bias\"")]
    [InlineData("3")]
    public void Deserialize_KindThatIsNoName_IsRefused(string kind)
    {
        var stored = Encoding.UTF8.GetString(EvaluationJson.Serialize(SampleReports.Bias(null, [], null))).Replace("\"kind\": \"bias\"", $"\"kind\": {kind}", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => EvaluationJson.Deserialize(Encoding.UTF8.GetBytes(stored)));
    }

    [Fact]
    public void Register_AnotherPresentationOfARegisteredKind_IsRefused()
    {
        var presentations = new SuiteKindPresentations();
        presentations.Register(ClassificationPresentation.Bias);

        var error = Assert.Throws<InvalidOperationException>(() => presentations.Register(new PlainPresentation(SuiteKind.Bias)));

        Assert.Equal("suite kind 'bias' already has a presentation (ClassificationPresentation)", error.Message);
    }
}
