using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// Markdown tables of a report: headline metrics with intervals, each fairness view's groups and disparities, and
/// throughput by batch size and threads. Deterministic: the same report gives the same text.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>The headline metrics shown for each suite kind, in order (others are in the stored result).</summary>
    public static IReadOnlyList<string> Headline(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Task == TaskKind.Multiclass
            ? ["accuracy", "balanced_accuracy", "macro_precision", "macro_recall", "macro_f1", "log_loss", "brier_score", "top_label_calibration_error"]
            : ["accuracy", "balanced_accuracy", "precision", "true_positive_rate", "false_positive_rate", "false_negative_rate", "f1", "selection_rate", "roc_auc", "log_loss", "brier_score", "expected_calibration_error"];
    }

    /// <summary>The report as markdown, headed at <paramref name="level"/> (2 gives <c>##</c>).</summary>
    public static string Render(EvaluationReport report, int level = 3)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var h = new string('#', level);
        if (report.Kind == SuiteKind.Throughput)
        {
            RenderThroughput(report, text, h);
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
                text.Append(CultureInfo.InvariantCulture, $"| {name} | {Figures.WithInterval(metric)} |\n");
            }
        }

        foreach (var view in report.Fairness)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{h} By {view.Name}\n\n");
            text.Append("| group | n | positives | selection rate | TPR | FPR | FNR | accuracy |\n| --- | ---: | ---: | --- | --- | --- | --- | --- |\n");
            foreach (var group in view.Groups)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {group.Group}{(group.InDisparity ? "" : " (small)")} | {Figures.Count(group.Count)} | {Figures.Count(group.Positives)} | ")
                    .Append(Rate(group, "selection_rate")).Append(" | ").Append(Rate(group, "true_positive_rate")).Append(" | ")
                    .Append(Rate(group, "false_positive_rate")).Append(" | ").Append(Rate(group, "false_negative_rate")).Append(" | ")
                    .Append(Rate(group, "accuracy")).Append(" |\n");
            }

            text.Append("\n| disparity | value [CI] |\n| --- | --- |\n");
            foreach (var name in Comparison.VersionComparison.Disparities)
            {
                if (view.Disparities.FirstOrDefault(d => d.Name == name) is { } metric)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {name} | {Figures.WithInterval(metric)} |\n");
                }
            }

            if (view.Privileged is { } privileged)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nPrivileged group for the AIF360 metrics: {privileged}.\n");
            }
        }

        return text.ToString();
    }

    private static string Rate(GroupRow group, string name) => Figures.WithInterval(group.Rates.FirstOrDefault(r => r.Name == name));

    private static void RenderThroughput(EvaluationReport report, StringBuilder text, string h)
    {
        var t = report.Throughput!;
        text.Append(CultureInfo.InvariantCulture, $"Provider {t.ActualProvider} (requested {t.RequestedProvider}); session created in {t.SessionCreationMs:F1} ms, first run {t.FirstRunMs:F2} ms; ")
            .Append(CultureInfo.InvariantCulture, $"peak working set {t.PeakWorkingSetBytes / (1024 * 1024)} MiB; seed {t.Seed}.\n\n");
        text.Append("| threads | batch | samples/s | p50 ms | p90 ms | p99 ms | timed calls | settled |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var m in t.Measurements)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {m.Threads} | {m.BatchSize} | ");
            text.Append(m.Supported
                ? string.Create(CultureInfo.InvariantCulture, $"{m.SamplesPerSecond:F0} | {m.P50Ms:F4} | {m.P90Ms:F4} | {m.P99Ms:F4} | {m.Samples} | {(m.Stable ? "yes" : "no (unstable)")} |\n")
                : $"{m.NotSupportedReason} | | | | | |\n");
        }

        _ = h;
    }
}
