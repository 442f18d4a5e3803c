using System.Globalization;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// A report's warnings as one short line, counted by kind ("4 groups below the minimum size (not reported); 4 intervals
/// from fewer replicates (the figure was undefined in some)"); the full list stays in the report.
/// </summary>
public static class WarningSummary
{
    /// <summary>The summary, or null when the report has no warnings.</summary>
    public static string? Describe(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Warnings.Count == 0)
        {
            return null;
        }

        // A result stored before warnings were counted by kind says how many there are.
        return report.WarningCounts is not { Count: > 0 } counts
            ? Plural(report.Warnings.Count, "warning", "warnings")
            : string.Join("; ", counts.Select(c => Describe(c.Kind, c.Count)));
    }

    private static string Describe(MetricWarningKind kind, int n) => kind switch
    {
        MetricWarningKind.EmptyGroup => Plural(n, "empty group", "empty groups") + " (not reported)",
        MetricWarningKind.SmallGroup => Plural(n, "group", "groups") + " below the minimum size (not reported)",
        MetricWarningKind.UndefinedMetric => Plural(n, "undefined figure", "undefined figures") + " (zero division)",
        MetricWarningKind.ZeroDivisionAsZero => Plural(n, "zero division", "zero divisions") + " reported as 0 (Fairlearn's rule)",
        MetricWarningKind.MissingClass => Plural(n, "set of rows", "sets of rows") + " with one class only",
        MetricWarningKind.UndefinedDisparity => Plural(n, "undefined disparity", "undefined disparities"),
        MetricWarningKind.UndefinedReplicates => Plural(n, "interval", "intervals") + " from fewer replicates (the figure was undefined in some)",
        MetricWarningKind.UnstableMeasurement => Plural(n, "unstable throughput measurement", "unstable throughput measurements"),
        _ => Plural(n, "other warning", "other warnings"),
    };

    private static string Plural(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
