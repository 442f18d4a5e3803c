using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Client.Cli;

/// <summary>
/// A report's figures as plain-text tables for a terminal: the headline metrics, then for each fairness view its groups
/// and disparities, or the throughput measurements. By default every table fits 100 columns — each view's groups come
/// in two tables, counts with selection rate and accuracy, then the error rates — and <c>wide</c> puts every rate of a
/// group on one line. A group below the suite's minimum size shows why in place of its rates. The figures, and the
/// sentence on which prediction each family of fairness metrics counts, are those of the card
/// (<see cref="ReportMarkdown"/>), in the same formats.
/// </summary>
public static class ReportText
{
    private static readonly Dictionary<string, string> RateNames = new(StringComparer.Ordinal)
    {
        ["selection rate"] = "selection_rate",
        ["TPR"] = "true_positive_rate",
        ["FPR"] = "false_positive_rate",
        ["FNR"] = "false_negative_rate",
        ["accuracy"] = "accuracy",
    };

    /// <summary>The report's tables; <paramref name="wide"/> for one line per group with every rate.</summary>
    public static string Render(EvaluationReport report, bool wide = false, int width = TextTable.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        if (report.Kind == SuiteKind.Throughput)
        {
            Throughput(report, text);
            return text.ToString();
        }

        var ci = report.Bootstrap is { } b ? $"{(b.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture)}% percentile bootstrap, B = {Figures.Count(b.Replicates)}, seed {b.Seed.ToString(CultureInfo.InvariantCulture)}" : "no intervals";
        var summary = string.Create(CultureInfo.InvariantCulture, $"{Figures.Count(report.Rows)} rows")
            + (report.Task == TaskKind.Binary ? $", {Figures.Count(report.Positives)} positive" : string.Empty)
            + $"; intervals: {ci}; provider {report.Environment.ActualProvider}.";
        Lines(text, summary, width);
        text.Append('\n');

        var headline = new TextTable(new("metric"), new("value [interval]"));
        foreach (var name in ReportMarkdown.Headline(report))
        {
            if (report.Metric(name) is { } metric)
            {
                headline.AddRow(name, Figures.WithInterval(metric));
            }
        }

        text.Append(headline.Render(width));
        if (ReportMarkdown.Orientation(report) is { } orientation)
        {
            text.Append('\n');
            Lines(text, orientation, width);
        }

        foreach (var view in report.Fairness)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nBy {TerminalText.Safe(view.Name)}\n\n");
            if (wide)
            {
                text.Append(Groups(view, ["selection rate", "TPR", "FPR", "FNR", "accuracy"], counts: true).Render());
            }
            else
            {
                text.Append(Groups(view, ["selection rate", "accuracy"], counts: true).Render(width)).Append('\n');
                text.Append(Groups(view, ["TPR", "FPR", "FNR"], counts: false).Render(width));
            }

            var disparities = new TextTable(new("disparity"), new("value [interval]"));
            foreach (var name in ReportedDisparities.Names)
            {
                if (view.Disparities.FirstOrDefault(d => d.Name == name) is { } metric)
                {
                    disparities.AddRow(name, Figures.WithInterval(metric));
                }
            }

            text.Append('\n').Append(disparities.Render(width));
            if (view.Privileged is { } privileged)
            {
                text.Append('\n');
                Lines(text, $"Privileged group for the AIF360 metrics: {TerminalText.Safe(privileged)}.", width);
            }
        }

        return text.ToString();
    }

    private static TextTable Groups(FairnessView view, string[] rates, bool counts)
    {
        var columns = new List<TextColumn> { TextColumn.Text("group") };
        if (counts)
        {
            columns.Add(TextColumn.Number("n"));
            columns.Add(TextColumn.Number("positives"));
        }

        columns.AddRange(rates.Select(r => new TextColumn(r)));
        var table = new TextTable([.. columns]);
        foreach (var group in view.Groups)
        {
            var row = new List<string> { TerminalText.Safe(group.Group) };
            if (counts)
            {
                row.Add(Figures.Count(group.Count));
                row.Add(Figures.Count(group.Positives));
            }

            // A group below the minimum size has no figures: the reason runs across its rate columns instead.
            if (group.NotReported is { } reason)
            {
                row.Add(TerminalText.Safe(reason));
                table.AddSpanningRow([.. row]);
                continue;
            }

            row.AddRange(rates.Select(r => Figures.WithInterval(group.Rates.FirstOrDefault(m => m.Name == RateNames[r]))));
            table.AddRow([.. row]);
        }

        return table;
    }

    private static void Throughput(EvaluationReport report, StringBuilder text)
    {
        var t = report.Throughput!;
        text.Append(CultureInfo.InvariantCulture, $"Provider {t.ActualProvider} (requested {t.RequestedProvider}); session created in {t.SessionCreationMs:F1} ms, first run {t.FirstRunMs:F2} ms; ")
            .Append(CultureInfo.InvariantCulture, $"peak working set {t.PeakWorkingSetBytes / (1024 * 1024)} MiB; seed {t.Seed}.\n\n");
        var table = new TextTable(
            TextColumn.Number("threads"), TextColumn.Number("batch"), TextColumn.Number("samples/s"), TextColumn.Number("p50 ms"),
            TextColumn.Number("p90 ms"), TextColumn.Number("p99 ms"), TextColumn.Number("timed calls"), TextColumn.Text("settled"));
        foreach (var m in t.Measurements)
        {
            table.AddRow(m.Supported
                ? [m.Threads.ToString(CultureInfo.InvariantCulture), m.BatchSize.ToString(CultureInfo.InvariantCulture),
                    m.SamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture), m.P50Ms.ToString("F4", CultureInfo.InvariantCulture),
                    m.P90Ms.ToString("F4", CultureInfo.InvariantCulture), m.P99Ms.ToString("F4", CultureInfo.InvariantCulture),
                    m.Samples.ToString(CultureInfo.InvariantCulture), m.Stable ? "yes" : "no (unstable)"]
                : [m.Threads.ToString(CultureInfo.InvariantCulture), m.BatchSize.ToString(CultureInfo.InvariantCulture), null, null, null, null, null, TerminalText.Safe(m.NotSupportedReason)]);
        }

        text.Append(table.Render());
    }

    private static void Lines(StringBuilder text, string paragraph, int width)
    {
        foreach (var line in TextTable.Wrap(paragraph, width))
        {
            text.Append(line).Append('\n');
        }
    }
}
