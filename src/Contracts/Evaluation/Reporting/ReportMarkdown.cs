using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// Markdown tables of a report: headline metrics with intervals, each fairness view's groups and disparities, and
/// throughput by batch size and threads. Deterministic: the same report gives the same text.
/// </summary>
public static class ReportMarkdown
{
    private static readonly (string Name, string Title)[] ThroughputHeaders =
        [("samples_per_second", "samples/s"), ("latency_p50_ms", "p50 ms"), ("latency_p90_ms", "p90 ms"), ("latency_p99_ms", "p99 ms")];

    private static readonly (string Name, string Title)[] GroupColumns =
        [("selection_rate", "selection rate"), ("true_positive_rate", "TPR"), ("false_positive_rate", "FPR"), ("false_negative_rate", "FNR"), ("accuracy", "accuracy")];

    /// <summary>The rates each group's row shows, by name.</summary>
    public static IReadOnlyList<string> GroupColumnNames { get; } = [.. GroupColumns.Select(c => c.Name)];

    /// <summary>The measures the throughput table shows, by name.</summary>
    public static IReadOnlyList<string> ThroughputColumns { get; } = [.. ThroughputHeaders.Select(c => c.Name)];

    /// <summary>The headline metrics shown for each suite kind, in order (others are in the stored result).</summary>
    public static IReadOnlyList<string> Headline(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Task == TaskKind.Multiclass
            ? ["accuracy", "balanced_accuracy", "macro_precision", "macro_recall", "macro_f1", "log_loss", "brier_score", "top_label_calibration_error"]
            : ["accuracy", "balanced_accuracy", "precision", "true_positive_rate", "false_positive_rate", "false_negative_rate", "f1", "selection_rate", "roc_auc", "log_loss", "brier_score", "expected_calibration_error"];
    }

    /// <summary>The report as markdown, headed at <paramref name="level"/> (2 gives <c>##</c>).</summary>
    /// <param name="report">The report.</param>
    /// <param name="level">The heading level of each fairness view.</param>
    /// <param name="links">Link each metric name to its definition (<see cref="MetricGlossary.Link"/>), as a card does.</param>
    public static string Render(EvaluationReport report, int level = 3, bool links = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var h = new string('#', level);
        if (report.Kind == SuiteKind.Throughput)
        {
            RenderThroughput(report, text, links);
            return text.ToString();
        }

        var ci = report.Bootstrap is { } b ? $"{(b.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture)}% percentile bootstrap, B = {Figures.Count(b.Replicates)}, seed {b.Seed.ToString(CultureInfo.InvariantCulture)}" : "no intervals";
        text.Append(CultureInfo.InvariantCulture, $"{Figures.Count(report.Rows)} rows").Append(report.Task == TaskKind.Binary ? $", {Figures.Count(report.Positives)} positive" : "")
            .Append(CultureInfo.InvariantCulture, $"; intervals: {ci}; provider {report.Environment.ActualProvider}.\n\n");
        text.Append("| metric | value [CI] |\n| --- | --- |\n");
        foreach (var name in Headline(report))
        {
            if (report.Metric(name) is { } metric)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Name(name, links)} | {Figures.WithInterval(metric)} |\n");
            }
        }

        if (Orientation(report) is { } orientation)
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
                    : string.Join(" | ", GroupColumns.Select(c => Rate(group, c.Name))) + " |\n");
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

    /// <summary>
    /// Which prediction each family of fairness metrics counts: Fairlearn's and the group rates the positive one, AIF360's
    /// the favourable outcome the suite declares. Null for a report without fairness views.
    /// </summary>
    public static string? Orientation(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Fairness.Count == 0)
        {
            return null;
        }

        return Orientation(report.Outcomes);
    }

    /// <summary>The same sentence for a suite's declared outcomes; null stands for a result recorded before suites declared them.</summary>
    public static string Orientation(FairnessOutcomes? outcomes)
    {
        if (outcomes is not { } o)
        {
            return "Fairlearn metrics and the group rates count the positive prediction ŷ = 1. AIF360 metrics (aif360.*), in this result "
                + "recorded before suites declared their favourable outcome, count ŷ = 1 as favourable too, and compare the privileged group with every other row.";
        }

        var positive = $"ŷ = 1 ({Values(o.Column, o.Positive)})";
        var favourable = o.Favourable == FavourableOutcome.Negative
            ? $"ŷ = 0 ({Values(o.Column, o.Negative)}{(o.FavourableMeaning is { } m ? $": {m}" : "")})"
            : $"ŷ = 1, the positive prediction{(o.FavourableMeaning is { } meaning ? $" ({meaning})" : "")}";
        return $"Fairlearn metrics and the group rates count the positive prediction {positive}. "
            + $"AIF360 metrics (aif360.*) count the favourable outcome {favourable}, and compare the privileged group with every other row.";
    }

    private static string Values(string? column, IReadOnlyList<string> values) =>
        (column, values.Count) switch
        {
            (null, _) => "the label",
            (_, 1) => $"{column} = {values[0]}",
            _ => $"{column} in {{{string.Join(", ", values)}}}",
        };

    private static string Name(string name, bool links) => links ? MetricGlossary.Link(name) : name;

    private static string Rate(GroupRow group, string name) => Figures.WithInterval(group.Rates.FirstOrDefault(r => r.Name == name));

    private static void RenderThroughput(EvaluationReport report, StringBuilder text, bool links)
    {
        var t = report.Throughput!;
        text.Append(CultureInfo.InvariantCulture, $"Provider {t.ActualProvider} (requested {t.RequestedProvider}); session created in {t.SessionCreationMs:F1} ms, first run {t.FirstRunMs:F2} ms; ")
            .Append(CultureInfo.InvariantCulture, $"peak working set {t.PeakWorkingSetBytes / (1024 * 1024)} MiB; seed {t.Seed}.\n\n");
        var measures = string.Join(" | ", ThroughputHeaders.Select(c => links ? MetricGlossary.Link(c.Name, c.Title) : c.Title));
        text.Append(CultureInfo.InvariantCulture, $"| threads | batch | {measures} | timed calls | settled |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var m in t.Measurements)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {m.Threads} | {m.BatchSize} | ");
            text.Append(m.Supported
                ? string.Create(CultureInfo.InvariantCulture, $"{m.SamplesPerSecond:F0} | {m.P50Ms:F4} | {m.P90Ms:F4} | {m.P99Ms:F4} | {m.Samples} | {(m.Stable ? "yes" : "no (unstable)")} |\n")
                : $"{m.NotSupportedReason} | | | | | |\n");
        }
    }
}
