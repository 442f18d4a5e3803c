using System.Globalization;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>The multiple-choice kind: <c>acc</c> and <c>acc_norm</c> with intervals, overall and per subset.</summary>
public sealed class MultipleChoicePresentation : ISuiteKindPresentation
{
    private static readonly string[] Outcomes = [LanguageKinds.Accuracy, LanguageKinds.NormalizedAccuracy];

    private MultipleChoicePresentation()
    {
    }

    /// <summary>The one instance.</summary>
    public static MultipleChoicePresentation Instance { get; } = new();

    /// <inheritdoc />
    public SuiteKind Kind => LanguageKinds.MultipleChoice;

    /// <inheritdoc />
    public IReadOnlyCollection<string> ComparisonHeadline => Outcomes;

    /// <inheritdoc />
    public IReadOnlyList<string> Headline(EvaluationReport report) => Outcomes;

    /// <inheritdoc />
    public string Markdown(EvaluationReport report, int level, bool links)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"{report.Rows:N0} items scored by summed log-likelihood of each choice; {Interval(report)}.\n\n")
            + GroupShareText.Markdown(report, "subset", Outcomes, links);
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
    public string CardTask(EvaluationReport report) => "multiple-choice";

    /// <inheritdoc />
    public long? CardRows(EvaluationReport report) => report?.Rows;

    /// <inheritdoc />
    public string Text(EvaluationReport report, ReportTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture, $"{report.Rows:N0} items; {Interval(report)}\n") + GroupShareText.Text(report, "subset", Outcomes, options);
    }

    internal static string Interval(EvaluationReport report) => report.Bootstrap is { } b
        ? string.Create(CultureInfo.InvariantCulture, $"{b.ConfidenceLevel * 100:0.#}% bootstrap intervals ({b.Replicates:N0} replicates, seed {b.Seed})")
        : "no intervals";
}
