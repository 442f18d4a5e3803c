using System.Globalization;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Kinds;

/// <summary>How the test-only <c>mean-output</c> kind's results are shown.</summary>
internal sealed class MeanOutputPresentation : ISuiteKindPresentation
{
    public static readonly SuiteKind MeanOutput = new("mean-output");

    public SuiteKind Kind => MeanOutput;

    public IReadOnlyCollection<string> ComparisonHeadline => [MeanOutputKind.MetricName];

    public IReadOnlyList<string> Headline(EvaluationReport report) => [MeanOutputKind.MetricName];

    public string Markdown(EvaluationReport report, int level, bool links) =>
        string.Create(CultureInfo.InvariantCulture, $"One constant input on {report.Environment.ActualProvider}.\n\n| metric | value |\n| --- | --- |\n| {MeanOutputKind.MetricName} | {Figures.Format(Mean(report))} |\n");

    public IEnumerable<string> DefinedNames(EvaluationReport report) => [MeanOutputKind.MetricName];

    public IEnumerable<CardMetric> CardMetrics(EvaluationReport report) => [new CardMetric(MeanOutputKind.MetricName, report.Metric(MeanOutputKind.MetricName)!)];

    public string CardTask(EvaluationReport report) => "mean-output";

    public long? CardRows(EvaluationReport report) => null;

    public string Text(EvaluationReport report, ReportTextOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"{MeanOutputKind.MetricName}: {Figures.Format(Mean(report))}\n");

    private static double Mean(EvaluationReport report) => report.Metric(MeanOutputKind.MetricName)!.Value;
}
