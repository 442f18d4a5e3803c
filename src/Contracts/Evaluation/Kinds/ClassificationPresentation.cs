using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// The accuracy and bias kinds: headline classification metrics with intervals, and for a bias result each fairness
/// view's groups and disparities.
/// </summary>
public sealed partial class ClassificationPresentation : ISuiteKindPresentation
{
    private static readonly (string Name, string Title)[] GroupColumns =
        [("selection_rate", "selection rate"), ("true_positive_rate", "TPR"), ("false_positive_rate", "FPR"), ("false_negative_rate", "FNR"), ("accuracy", "accuracy")];

    private static readonly string[] Comparison =
    [
        "accuracy", "false_positive_rate", "false_negative_rate", "selection_rate", "roc_auc",
        "demographic_parity_difference.between_groups", "equalized_odds_difference.worst_case.between_groups",
        "group[African-American].false_positive_rate", "group[Caucasian].false_positive_rate",
        "group[Female].selection_rate", "group[Male].selection_rate",
    ];

    private ClassificationPresentation(SuiteKind kind) => Kind = kind;

    /// <summary>The accuracy kind's presentation.</summary>
    public static ClassificationPresentation Accuracy { get; } = new(SuiteKind.Accuracy);

    /// <summary>The bias kind's presentation.</summary>
    public static ClassificationPresentation Bias { get; } = new(SuiteKind.Bias);

    /// <summary>The rates each group's row shows, by name.</summary>
    public static IReadOnlyList<string> GroupColumnNames { get; } = [.. GroupColumns.Select(c => c.Name)];

    /// <inheritdoc />
    public SuiteKind Kind { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> ComparisonHeadline => Comparison;

    /// <inheritdoc />
    public IReadOnlyList<string> Headline(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Task == TaskKind.Multiclass
            ? ["accuracy", "balanced_accuracy", "macro_precision", "macro_recall", "macro_f1", "log_loss", "brier_score", "top_label_calibration_error"]
            : ["accuracy", "balanced_accuracy", "precision", "true_positive_rate", "false_positive_rate", "false_negative_rate", "f1", "selection_rate", "roc_auc", "log_loss", "brier_score", "expected_calibration_error"];
    }

    /// <inheritdoc />
    public string Markdown(EvaluationReport report, int level, bool links)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var h = new string('#', level);
        text.Append(CultureInfo.InvariantCulture, $"{Figures.Count(report.Rows)} rows").Append(report.Task == TaskKind.Binary ? $", {Figures.Count(report.Positives)} positive" : "")
            .Append(CultureInfo.InvariantCulture, $"; intervals: {Intervals(report)}; provider {report.Environment.ActualProvider}.\n\n");
        text.Append("| metric | value [CI] |\n| --- | --- |\n");
        foreach (var name in Headline(report))
        {
            if (report.Metric(name) is { } metric)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Name(name, links)} | {Figures.WithInterval(metric)} |\n");
            }
        }

        if (ReportMarkdown.Orientation(report) is { } orientation)
        {
            text.Append('\n').Append(orientation).Append('\n');
        }

        var columns = string.Join(" | ", GroupColumns.Select(c => links ? MetricGlossary.Link(c.Name, c.Title) : c.Title));
        foreach (var view in report.Fairness)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{h} By {view.Name}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"| group | n | positives | {columns} |\n| --- | ---: | ---: | --- | --- | --- | --- | --- |\n");
            foreach (var group in view.Groups)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {group.Group} | {Figures.Count(group.Count)} | {Figures.Count(group.Positives)} | ");
                text.Append(group.NotReported is { } reason
                    ? $"{reason} |{string.Concat(Enumerable.Repeat(" — |", GroupColumns.Length - 1))}\n"
                    : string.Join(" | ", GroupColumns.Select(c => Figures.WithInterval(group.Rates.FirstOrDefault(r => r.Name == c.Name)))) + " |\n");
            }

            text.Append("\n| disparity | value [CI] |\n| --- | --- |\n");
            foreach (var name in ReportedDisparities.Names)
            {
                if (view.Disparities.FirstOrDefault(d => d.Name == name) is { } metric)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {Name(name, links)} | {Figures.WithInterval(metric)} |\n");
                }
            }

            if (view.Privileged is { } privileged)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nPrivileged group for the AIF360 metrics: {privileged}.\n");
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public IEnumerable<string> DefinedNames(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var names = Headline(report).Where(n => report.Metric(n) is not null).ToList();
        if (report.Fairness.Count > 0)
        {
            names.AddRange(GroupColumnNames);
            names.AddRange(report.Fairness.SelectMany(v => v.Disparities.Select(d => d.Name)).Where(ReportedDisparities.Names.Contains));
        }

        return names;
    }

    /// <inheritdoc />
    public IEnumerable<CardMetric> CardMetrics(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var name in Headline(report))
        {
            if (report.Metric(name) is { } metric)
            {
                yield return new CardMetric(name, metric);
            }
        }

        foreach (var view in report.Fairness)
        {
            foreach (var name in ReportedDisparities.Names)
            {
                if (view.Disparities.FirstOrDefault(d => d.Name == name) is { } metric)
                {
                    yield return new CardMetric(name, metric, view.Name);
                }
            }
        }
    }

    /// <inheritdoc />
    public string CardTask(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Task == TaskKind.Binary ? "tabular-classification" : "image-classification";
    }

    /// <inheritdoc />
    public long? CardRows(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Rows;
    }

    private static string Intervals(EvaluationReport report) =>
        report.Bootstrap is { } b
            ? $"{(b.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture)}% percentile bootstrap, B = {Figures.Count(b.Replicates)}, seed {b.Seed.ToString(CultureInfo.InvariantCulture)}"
            : "no intervals";

    private static string Name(string name, bool links) => links ? MetricGlossary.Link(name) : name;
}
