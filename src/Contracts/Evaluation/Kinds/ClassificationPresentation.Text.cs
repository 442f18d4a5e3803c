using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// The terminal text: by default every table fits the width — each view's groups come in two tables, counts with
/// selection rate and accuracy, then the error rates — and wide puts every rate of a group on one line. A group below
/// the suite's minimum size shows why in place of its rates.
/// </summary>
public sealed partial class ClassificationPresentation
{
    private static readonly Dictionary<string, string> RateNames = new(StringComparer.Ordinal)
    {
        ["selection rate"] = "selection_rate",
        ["TPR"] = "true_positive_rate",
        ["FPR"] = "false_positive_rate",
        ["FNR"] = "false_negative_rate",
        ["accuracy"] = "accuracy",
    };

    /// <inheritdoc />
    public string Text(EvaluationReport report, ReportTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var (wide, width, safe) = (options.Wide, options.Width, options.Safe);
        var text = new StringBuilder();
        var summary = string.Create(CultureInfo.InvariantCulture, $"{Figures.Count(report.Rows)} rows")
            + (report.Task == TaskKind.Binary ? $", {Figures.Count(report.Positives)} positive" : string.Empty)
            + $"; intervals: {Intervals(report)}; provider {report.Environment.ActualProvider}.";
        Lines(text, summary, width);
        text.Append('\n');

        var headline = new TextTable(new("metric"), new("value [interval]"));
        foreach (var name in Headline(report))
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
            text.Append(CultureInfo.InvariantCulture, $"\nBy {safe(view.Name)}\n\n");
            if (wide)
            {
                text.Append(Groups(view, ["selection rate", "TPR", "FPR", "FNR", "accuracy"], counts: true, safe).Render());
            }
            else
            {
                text.Append(Groups(view, ["selection rate", "accuracy"], counts: true, safe).Render(width)).Append('\n');
                text.Append(Groups(view, ["TPR", "FPR", "FNR"], counts: false, safe).Render(width));
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
                Lines(text, $"Privileged group for the AIF360 metrics: {safe(privileged)}.", width);
            }
        }

        return text.ToString();
    }

    private static TextTable Groups(FairnessView view, string[] rates, bool counts, Func<string?, string> safe)
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
            var row = new List<string> { safe(group.Group) };
            if (counts)
            {
                row.Add(Figures.Count(group.Count));
                row.Add(Figures.Count(group.Positives));
            }

            // A group below the minimum size has no figures: the reason runs across its rate columns instead.
            if (group.NotReported is { } reason)
            {
                row.Add(safe(reason));
                table.AddSpanningRow([.. row]);
                continue;
            }

            row.AddRange(rates.Select(r => Figures.WithInterval(group.Rates.FirstOrDefault(m => m.Name == RateNames[r]))));
            table.AddRow([.. row]);
        }

        return table;
    }

    private static void Lines(StringBuilder text, string paragraph, int width)
    {
        foreach (var line in TextTable.Wrap(paragraph, width))
        {
            text.Append(line).Append('\n');
        }
    }
}
