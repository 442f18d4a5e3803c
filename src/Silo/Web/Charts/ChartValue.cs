namespace ModelGrid.Silo.Web.Charts;

/// <summary>One group's figure for one version: the estimate and its interval, any of them missing.</summary>
/// <param name="Group">The group's name (user data: the suite's level names).</param>
/// <param name="Version">The model version.</param>
/// <param name="Value">The estimate, or null (or NaN) when it is not reported.</param>
/// <param name="Low">The interval's lower end, or null (or NaN) when there is none.</param>
/// <param name="High">The interval's upper end, or null (or NaN) when there is none.</param>
public sealed record ChartValue(string Group, int Version, double? Value, double? Low, double? High)
{
    /// <summary>The estimate when it is a finite number, else null.</summary>
    public double? Drawn => Finite(Value);

    /// <summary>The interval when both ends are finite numbers and a value is drawn, else null.</summary>
    public (double Low, double High)? Interval =>
        Drawn is not null && Finite(Low) is { } low && Finite(High) is { } high ? (Math.Min(low, high), Math.Max(low, high)) : null;

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;
}
