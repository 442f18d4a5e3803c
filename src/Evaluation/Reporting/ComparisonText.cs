using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Comparison;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// A comparison as a plain-text table for terminals and logs: one row per metric, one column per version with its
/// value and interval, and for every version but the baseline the paired delta with its interval and a '*' when the
/// delta is significant (its interval excludes 0).
/// </summary>
public static class ComparisonText
{

    /// <summary>The rows terminals show by default (the API and <c>--all</c> give every one): headline rates and the fairness gaps.</summary>
    public static IReadOnlyCollection<string> HeadlineMetrics { get; } =
    [
        "accuracy", "false_positive_rate", "false_negative_rate", "selection_rate", "roc_auc",
        "demographic_parity_difference.between_groups", "equalized_odds_difference.worst_case.between_groups",
        "group[African-American].false_positive_rate", "group[Caucasian].false_positive_rate",
        "group[Female].selection_rate", "group[Male].selection_rate",
    ];

    /// <summary>The table; <paramref name="metrics"/> limits the rows to those names (all when null).</summary>
    public static string Render(ComparisonReport report, IReadOnlyCollection<string>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var selected = report.Metrics.Where(m => metrics is null || metrics.Contains(m.Name)).ToList();
        var rows = selected.Where(m => m.NotReported is null).ToList();
        var header = new List<string> { "metric" };
        foreach (var v in report.Versions)
        {
            header.Add(v == report.Baseline ? $"v{v} (baseline)" : $"v{v}");
            if (v != report.Baseline)
            {
                header.Add($"Δ v{v} − v{report.Baseline}");
            }
        }

        var table = new List<List<string>> { header };
        foreach (var metric in rows)
        {
            var row = new List<string> { metric.View is null ? metric.Name : $"{metric.View}: {metric.Name}" };
            foreach (var figure in metric.Figures)
            {
                row.Add(Figures.WithInterval(figure.Value));
                if (figure.Version != report.Baseline)
                {
                    row.Add(Figures.DeltaWithInterval(figure.Delta) + (figure.Significant == true ? " *" : ""));
                }
            }

            table.Add(row);
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => table.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Suite} ({report.SuiteDigest[..12]}), {(report.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture)}% intervals; ")
            .Append(CultureInfo.InvariantCulture, $"deltas from a paired bootstrap (B = {Figures.Count(report.Replicates)}, seed {report.Seed}); * = significant (interval excludes 0)\n");
        foreach (var row in table)
        {
            for (var c = 0; c < row.Count; c++)
            {
                text.Append(c == 0 ? row[c].PadRight(widths[c]) : "  " + row[c].PadRight(widths[c]));
            }

            text.Append('\n');
        }

        if (report.Outcomes is { } outcomes && rows.Any(m => m.View is not null))
        {
            text.Append(ReportMarkdown.Orientation(outcomes)).Append('\n');
        }

        // A group below the minimum size has no figures to compare: one line names each such group, not a row per rate.
        var unreported = selected.Where(m => m.NotReported is not null)
            .Select(m => $"{(m.View is null ? "" : m.View + ": ")}{GroupOf(m.Name)} ({m.NotReported})")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unreported.Count > 0)
        {
            text.Append("not compared: ").Append(string.Join("; ", unreported)).Append('\n');
        }

        return text.ToString();
    }

    private static string GroupOf(string name) =>
        name.StartsWith("group[", StringComparison.Ordinal) && name.IndexOf("].", StringComparison.Ordinal) is var close and > 6 ? name[6..close] : name;
}
