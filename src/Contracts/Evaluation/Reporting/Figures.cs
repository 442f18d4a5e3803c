using System.Globalization;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>Fixed, invariant number formats for reports and cards, so the same figures always read the same.</summary>
public static class Figures
{
    /// <summary>A figure to four decimals; "n/a" when undefined.</summary>
    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a" : double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf") : value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>A signed figure to four decimals.</summary>
    public static string WithSign(double value) =>
        double.IsNaN(value) ? "n/a" : (value >= 0 ? "+" : "") + Format(value);

    /// <summary>"0.8512 [0.8457, 0.8566]".</summary>
    public static string WithInterval(MetricValue? metric) =>
        metric is null ? "—" : double.IsNaN(metric.Lower) ? Format(metric.Value) : $"{Format(metric.Value)} [{Format(metric.Lower)}, {Format(metric.Upper)}]";

    /// <summary>"+0.0123 [+0.0051, +0.0190]".</summary>
    public static string DeltaWithInterval(MetricValue? delta) =>
        delta is null ? "—" : double.IsNaN(delta.Lower) ? WithSign(delta.Value) : $"{WithSign(delta.Value)} [{WithSign(delta.Lower)}, {WithSign(delta.Upper)}]";

    /// <summary>An integer with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
