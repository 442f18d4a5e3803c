using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Kinds;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// A comparison as plain text for terminals and logs. <see cref="Render"/> fits a width (100 columns by default): each
/// metric is a heading, under it each version's value with its interval and, for every version but the baseline, the
/// paired delta with its interval and a '*' when it is significant (its interval excludes 0); versions that do not
/// fit side by side continue in a further block. <see cref="RenderWide"/> puts each metric on one line instead. Both
/// end with which prediction each family of fairness metrics counts, and one "not compared" line naming the groups
/// below the suite's minimum size.
/// </summary>
public static class ComparisonText
{
    private const string Gap = "  ";
    private const string ValueLabel = "  value";
    private const string DeltaLabel = "  Δ";
    private static readonly int LabelWidth = Math.Max(ValueLabel.Length, DeltaLabel.Length);

    /// <summary>
    /// The rows terminals show by default (the API and <c>--all</c> give every one): what each kind registered in
    /// <see cref="SuiteKindPresentations.Default"/> names as its comparison headline (<see cref="ISuiteKindPresentation.ComparisonHeadline"/>).
    /// </summary>
    public static IReadOnlyCollection<string> HeadlineMetrics => Headline(SuiteKindPresentations.Default);

    /// <summary>The rows terminals show by default for the kinds of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The kinds' presentations.</param>
    public static IReadOnlyCollection<string> Headline(SuiteKindPresentations kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return [.. kinds.All.SelectMany(k => k.ComparisonHeadline).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The comparison laid out within <paramref name="width"/> columns where its values allow; <paramref name="metrics"/>
    /// limits the rows to those names (all when null).
    /// </summary>
    public static string Render(ComparisonReport report, IReadOnlyCollection<string>? metrics = null, int width = TextTable.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(report);
        var selected = Selected(report, metrics);
        var rows = Reported(selected);

        // Each version's column: its headers, its values over their intervals, its deltas over theirs.
        var columns = report.Versions.Select((v, i) =>
        {
            var cells = new List<string>(Headers(report, v));
            foreach (var metric in rows)
            {
                var figure = metric.Figures[i];
                cells.AddRange(ValueLines(figure.Value));
                cells.AddRange(DeltaLines(report, figure));
            }

            return (Version: i, Width: cells.Max(c => c.Length));
        }).ToList();

        var text = new StringBuilder();
        var baseline = report.Baseline.ToString(CultureInfo.InvariantCulture);
        foreach (var line in TextTable.Wrap(Preamble(report, $"Δ: the change from v{baseline} (the baseline), with its interval from"), width))
        {
            text.Append(line).Append('\n');
        }

        foreach (var block in Blocks(columns, width - LabelWidth))
        {
            text.Append('\n');
            var headers = block.Select(c => Headers(report, report.Versions[c.Version])).ToList();
            AppendLine(text, string.Empty, block.Select((c, k) => (headers[k][0], c.Width)));
            AppendLine(text, string.Empty, block.Select((c, k) => (headers[k][1], c.Width)));
            foreach (var metric in rows)
            {
                text.Append(Name(metric)).Append('\n');
                var values = block.Select(c => ValueLines(metric.Figures[c.Version].Value)).ToList();
                AppendLine(text, ValueLabel, block.Select((c, k) => (values[k][0], c.Width)));
                AppendLine(text, string.Empty, block.Select((c, k) => (values[k][1], c.Width)));
                if (block.Any(c => report.Versions[c.Version] != report.Baseline))
                {
                    var deltas = block.Select(c => DeltaLines(report, metric.Figures[c.Version])).ToList();
                    AppendLine(text, DeltaLabel, block.Select((c, k) => (deltas[k][0], c.Width)));
                    AppendLine(text, string.Empty, block.Select((c, k) => (deltas[k][1], c.Width)));
                }
            }
        }

        var notes = Notes(report, selected, rows);
        if (notes.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var line in notes.SelectMany(n => TextTable.Wrap(n, width)))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every column side by side, one line per metric, however wide that is; <paramref name="metrics"/> as for <see cref="Render"/>.</summary>
    public static string RenderWide(ComparisonReport report, IReadOnlyCollection<string>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var selected = Selected(report, metrics);
        var rows = Reported(selected);
        var headers = new List<TextColumn> { new("metric") };
        foreach (var v in report.Versions)
        {
            headers.Add(new(Header(report, v)));
            if (v != report.Baseline)
            {
                headers.Add(new(Delta(report, v)));
            }
        }

        var table = new TextTable([.. headers]);
        foreach (var metric in rows)
        {
            var row = new List<string> { Name(metric) };
            foreach (var figure in metric.Figures)
            {
                row.Add(Figures.WithInterval(figure.Value));
                if (figure.Version != report.Baseline)
                {
                    row.Add(Figures.DeltaWithInterval(figure.Delta) + (figure.Significant == true ? " *" : string.Empty));
                }
            }

            table.AddRow([.. row]);
        }

        return Preamble(report, "deltas from the baseline from") + "\n" + table.Render() + string.Concat(Notes(report, selected, rows).Select(n => n + "\n"));
    }

    private static List<ComparedMetric> Selected(ComparisonReport report, IReadOnlyCollection<string>? metrics) =>
        [.. report.Metrics.Where(m => metrics is null || metrics.Contains(m.Name))];

    private static List<ComparedMetric> Reported(List<ComparedMetric> selected) => [.. selected.Where(m => m.NotReported is null)];

    /// <summary>
    /// What the figures need said: which prediction each family of fairness metrics counts (when fairness rows are shown),
    /// and the groups below the minimum size, which have no figures to compare — one line naming each, not a row per rate.
    /// </summary>
    private static List<string> Notes(ComparisonReport report, List<ComparedMetric> selected, List<ComparedMetric> rows)
    {
        var notes = new List<string>();
        if (report.Outcomes is { } outcomes && rows.Any(m => m.View is not null))
        {
            notes.Add(ReportMarkdown.Orientation(outcomes));
        }

        var unreported = selected.Where(m => m.NotReported is not null)
            .Select(m => $"{(m.View is null ? string.Empty : m.View + ": ")}{GroupOf(m.Name)} ({m.NotReported})")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unreported.Count > 0)
        {
            notes.Add("not compared: " + string.Join("; ", unreported));
        }

        return notes;
    }

    private static string GroupOf(string name) =>
        name.StartsWith("group[", StringComparison.Ordinal) && name.IndexOf("].", StringComparison.Ordinal) is var close and > 6 ? name[6..close] : name;

    private static string Preamble(ComparisonReport report, string deltas) =>
        string.Create(CultureInfo.InvariantCulture, $"{report.Suite} ({report.SuiteDigest[..12]}), {(report.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture)}% intervals in brackets; ")
        + string.Create(CultureInfo.InvariantCulture, $"{deltas} a paired bootstrap (B = {Figures.Count(report.Replicates)}, seed {report.Seed}); * = significant (the interval excludes 0)");

    private static string Header(ComparisonReport report, int version) =>
        version == report.Baseline ? $"v{version} (baseline)" : $"v{version}";

    /// <summary>A version's column headers: its number, and under it what its deltas are ("Δ v4 − v1").</summary>
    private static string[] Headers(ComparisonReport report, int version) =>
        [Header(report, version), version == report.Baseline ? string.Empty : Delta(report, version)];

    private static string Delta(ComparisonReport report, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"Δ v{version} − v{report.Baseline}");

    private static string Name(ComparedMetric metric) => metric.View is null ? metric.Name : $"{metric.View}: {metric.Name}";

    private static string[] ValueLines(Running.MetricValue? value) =>
        value is null ? ["—", string.Empty]
        : double.IsNaN(value.Lower) ? [Figures.Format(value.Value), string.Empty]
        : [Figures.Format(value.Value), $"[{Figures.Format(value.Lower)}, {Figures.Format(value.Upper)}]"];

    private static string[] DeltaLines(ComparisonReport report, VersionFigure figure)
    {
        if (figure.Delta is not { } delta)
        {
            return [figure.Version == report.Baseline ? string.Empty : "—", string.Empty];
        }

        var value = Figures.WithSign(delta.Value) + (figure.Significant == true ? " *" : string.Empty);
        return double.IsNaN(delta.Lower) ? [value, string.Empty] : [value, $"[{Figures.WithSign(delta.Lower)}, {Figures.WithSign(delta.Upper)}]"];
    }

    /// <summary>The version columns in runs that fit <paramref name="room"/> side by side (at least one per run).</summary>
    private static List<List<(int Version, int Width)>> Blocks(List<(int Version, int Width)> columns, int room)
    {
        var blocks = new List<List<(int Version, int Width)>>();
        var used = 0;
        foreach (var column in columns)
        {
            if (blocks.Count == 0 || used + Gap.Length + column.Width > room)
            {
                blocks.Add([]);
                used = 0;
            }

            blocks[^1].Add(column);
            used += Gap.Length + column.Width;
        }

        return blocks;
    }

    private static void AppendLine(StringBuilder text, string label, IEnumerable<(string Text, int Width)> cells)
    {
        var line = new StringBuilder(label.PadRight(LabelWidth));
        foreach (var (cell, width) in cells)
        {
            line.Append(Gap).Append(cell.PadRight(width));
        }

        var trimmed = line.ToString().TrimEnd();
        if (trimmed.Length > 0)
        {
            text.Append(trimmed).Append('\n');
        }
    }
}
