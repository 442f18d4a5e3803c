using System.Globalization;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>The sentence-pair bias kind: <c>pct_stereotype</c> with intervals, overall and per bias type.</summary>
public sealed class SentencePairsPresentation : ISuiteKindPresentation
{
    private static readonly string[] Outcomes = [LanguageKinds.PercentStereotype];

    private SentencePairsPresentation()
    {
    }

    /// <summary>The one instance.</summary>
    public static SentencePairsPresentation Instance { get; } = new();

    /// <inheritdoc />
    public SuiteKind Kind => LanguageKinds.SentencePairs;

    /// <inheritdoc />
    public IReadOnlyCollection<string> ComparisonHeadline => Outcomes;

    /// <inheritdoc />
    public IReadOnlyList<string> Headline(EvaluationReport report) => Outcomes;

    /// <inheritdoc />
    public string Markdown(EvaluationReport report, int level, bool links)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"{report.Rows:N0} sentence pairs scored; 0.5 is no preference between the more and the less stereotypical sentence; {MultipleChoicePresentation.Interval(report)}.\n\n")
            + GroupShareText.Markdown(report, "bias type", Outcomes, links);
    }

    /// <inheritdoc />
    public IEnumerable<string> DefinedNames(EvaluationReport report) => Outcomes;

    /// <inheritdoc />
    public IEnumerable<CardMetric> CardMetrics(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Metrics.Select(m => new CardMetric(m.Name, m));
    }

    /// <inheritdoc />
    public string CardTask(EvaluationReport report) => "sentence-pair-bias";

    /// <inheritdoc />
    public long? CardRows(EvaluationReport report) => report?.Rows;

    /// <inheritdoc />
    public string Text(EvaluationReport report, ReportTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture, $"{report.Rows:N0} pairs; 0.5 is no preference; {MultipleChoicePresentation.Interval(report)}\n")
            + GroupShareText.Text(report, "bias type", Outcomes, options);
    }
}
