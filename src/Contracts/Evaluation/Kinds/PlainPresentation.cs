using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// A result of a kind this process has no presentation for (a newer grid's kind read by an older client): every metric in
/// the stored order, in one table.
/// </summary>
/// <param name="kind">The kind.</param>
internal sealed class PlainPresentation(SuiteKind kind) : ISuiteKindPresentation
{
    public SuiteKind Kind => kind;

    public IReadOnlyCollection<string> ComparisonHeadline => [];

    public IReadOnlyList<string> Headline(EvaluationReport report) => [.. report.Metrics.Select(m => m.Name)];

    public string Markdown(EvaluationReport report, int level, bool links)
    {
        var text = new StringBuilder("| metric | value [CI] |\n| --- | --- |\n");
        foreach (var metric in report.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {(links ? MetricGlossary.Link(metric.Name) : metric.Name)} | {Figures.WithInterval(metric)} |\n");
        }

        return text.ToString();
    }

    public IEnumerable<string> DefinedNames(EvaluationReport report) => Headline(report);

    public IEnumerable<CardMetric> CardMetrics(EvaluationReport report) => report.Metrics.Select(m => new CardMetric(m.Name, m));

    public string CardTask(EvaluationReport report) => kind.Name;

    public long? CardRows(EvaluationReport report) => report.Rows;

    public string Text(EvaluationReport report, ReportTextOptions options)
    {
        var table = new TextTable(new("metric"), new("value [interval]"));
        foreach (var metric in report.Metrics)
        {
            table.AddRow(options.Safe(metric.Name), Figures.WithInterval(metric));
        }

        return table.Render(options.Width);
    }
}
