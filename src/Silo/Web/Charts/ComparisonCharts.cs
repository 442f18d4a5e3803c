using System.Globalization;
using ModelGrid.Evaluation.Comparison;

namespace ModelGrid.Silo.Web.Charts;

/// <summary>
/// The charts' data taken from a comparison exactly as the compare API reports it (<see cref="ComparisonReport"/>): the
/// per-group rates of one fairness view (<c>group[{name}].{rate}</c>), each version's own figure with its interval.
/// Nothing is computed again; a group the comparison does not report is drawn as missing.
/// </summary>
public static class ComparisonCharts
{
    /// <summary>The id of the grouped-bar chart.</summary>
    public const string BarsId = "chart-bars";

    /// <summary>The id of the line chart.</summary>
    public const string LinesId = "chart-lines";

    private const string GroupPrefix = "group[";

    /// <summary>The fairness views of the comparison and the per-group rates each one has, in the comparison's order.</summary>
    /// <param name="report">The comparison.</param>
    public static IReadOnlyList<(string View, IReadOnlyList<string> Rates)> Views(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Metrics
            .Where(m => m.View is not null && Split(m.Name) is not null)
            .GroupBy(m => m.View!, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(m => Split(m.Name)!.Value.Rate).Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// The figures of <paramref name="rate"/> for every group of <paramref name="view"/> and every compared version, or
    /// null when the comparison has no such rate.
    /// </summary>
    /// <param name="report">The comparison.</param>
    /// <param name="view">The fairness view ("race", "race x sex").</param>
    /// <param name="rate">The per-group rate ("selection_rate").</param>
    /// <param name="id">The chart's id (<see cref="BarsId"/> or <see cref="LinesId"/>).</param>
    /// <param name="subject">What was compared, for the title ("demo/compas-recidivism on compas-recidivism").</param>
    public static ChartData? For(ComparisonReport report, string view, string rate, string id, string subject)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Metrics
            .Where(m => string.Equals(m.View, view, StringComparison.Ordinal) && Split(m.Name) is { } parts && string.Equals(parts.Rate, rate, StringComparison.Ordinal))
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var groups = rows.Select(m => Split(m.Name)!.Value.Group).ToList();
        var values = rows.SelectMany(m => m.Figures.Select(f => new ChartValue(
            Split(m.Name)!.Value.Group, f.Version, f.Value?.Value, f.Value?.Lower, f.Value?.Upper))).ToList();
        var versions = string.Join(", ", report.Versions.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var level = (report.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var missing = rows.Where(m => m.NotReported is not null).Select(m => Split(m.Name)!.Value.Group).ToList();
        var lines = string.Equals(id, LinesId, StringComparison.Ordinal);
        var title = $"{rate} by {view}, versions {versions}: {subject}";
        var description = (lines
                ? $"One line per {view} group showing {rate} across versions {versions}, in that order."
                : $"Grouped bars of {rate} for each {view} group, one bar per version ({versions}); whiskers span the {level}% bootstrap interval.")
            + (missing.Count > 0 ? $" Not reported (too few rows): {string.Join("; ", missing)}." : "")
            + " The same numbers are in the comparison table.";
        return new ChartData(id, title, description, rate, groups, report.Versions, values);
    }

    /// <summary>Splits <c>group[{name}].{rate}</c> into its group and rate, or null for another metric.</summary>
    /// <param name="metric">A compared metric's name.</param>
    public static (string Group, string Rate)? Split(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!metric.StartsWith(GroupPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Group names may hold brackets; the rate never does, so the last "]." ends the name.
        var end = metric.LastIndexOf("].", StringComparison.Ordinal);
        return end <= GroupPrefix.Length - 1 ? null : (metric[GroupPrefix.Length..end], metric[(end + 2)..]);
    }
}
