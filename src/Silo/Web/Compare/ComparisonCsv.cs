using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Comparison;

namespace ModelGrid.Silo.Web.Compare;

/// <summary>
/// A comparison as CSV (RFC 4180, <c>\r\n</c> line ends): one row per metric and version with the version's figure, its
/// interval, the paired delta against the baseline with its interval and whether it is significant — the compare API's
/// numbers, written in the shortest text that reads back to the same double (<c>NaN</c> for an undefined figure, empty
/// for one that is not there). A text field that a spreadsheet would take for a formula (it starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is prefixed with <c>'</c>.
/// </summary>
public static class ComparisonCsv
{
    /// <summary>The header row's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["view", "metric", "version", "baseline", "value", "lower", "upper", "delta", "delta_lower", "delta_upper", "significant", "not_reported"];

    /// <summary>The CSV text of <paramref name="report"/>.</summary>
    /// <param name="report">The comparison, as the compare API answers it.</param>
    public static string Render(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var metric in report.Metrics)
        {
            foreach (var figure in metric.Figures)
            {
                Row(csv,
                [
                    Text(metric.View), Text(metric.Name), figure.Version.ToString(CultureInfo.InvariantCulture),
                    report.Baseline.ToString(CultureInfo.InvariantCulture),
                    Number(figure.Value?.Value), Number(figure.Value?.Lower), Number(figure.Value?.Upper),
                    Number(figure.Delta?.Value), Number(figure.Delta?.Lower), Number(figure.Delta?.Upper),
                    figure.Significant switch { true => "true", false => "false", null => "" },
                    Text(metric.NotReported),
                ]);
            }
        }

        return csv.ToString();
    }

    /// <summary>A figure as the shortest text that reads back to the same double; empty when absent.</summary>
    /// <param name="value">The figure.</param>
    public static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>Reads back one figure written by <see cref="Number"/>.</summary>
    /// <param name="field">The field.</param>
    public static double? ParseNumber(string field) =>
        field.Length == 0 ? null : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    private static void Row(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            csv.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }

        csv.Append("\r\n");
    }
}
