using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>A table of shares with intervals: one row overall, then one per group (<c>group[name].outcome</c>), one column per outcome.</summary>
internal static class GroupShareText
{
    /// <summary>The groups a report holds figures for, in its order.</summary>
    public static IReadOnlyList<string> Groups(EvaluationReport report) =>
        [.. report.Metrics.Select(m => m.Name).Where(n => n.StartsWith("group[", StringComparison.Ordinal) && n.Contains("].", StringComparison.Ordinal))
            .Select(n => n[6..n.IndexOf("].", StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal)];

    public static string Markdown(EvaluationReport report, string groupHeading, IReadOnlyList<string> outcomes, bool links)
    {
        var text = new StringBuilder();
        var heads = string.Join(" | ", outcomes.Select(o => links ? MetricGlossary.Link(o, o) : o));
        text.Append(CultureInfo.InvariantCulture, $"| {groupHeading} | {heads} |\n| --- |{string.Concat(outcomes.Select(_ => " ---: |"))}\n");
        text.Append("| all | ").Append(string.Join(" | ", outcomes.Select(o => Figures.WithInterval(report.Metric(o))))).Append(" |\n");
        foreach (var group in Groups(report))
        {
            text.Append("| ").Append(Escape(group)).Append(" | ")
                .Append(string.Join(" | ", outcomes.Select(o => Figures.WithInterval(report.Metric(LanguageKinds.Group(group, o))))))
                .Append(" |\n");
        }

        return text.ToString();
    }

    public static string Text(EvaluationReport report, string groupHeading, IReadOnlyList<string> outcomes, ReportTextOptions options)
    {
        var table = new TextTable([TextColumn.Text(groupHeading), .. outcomes.Select(TextColumn.Number)]);
        table.AddRow(["all", .. outcomes.Select(o => (string?)Figures.WithInterval(report.Metric(o)))]);
        foreach (var group in Groups(report))
        {
            table.AddRow([options.Safe(group), .. outcomes.Select(o => (string?)Figures.WithInterval(report.Metric(LanguageKinds.Group(group, o))))]);
        }

        return table.Render(options.Width);
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
