namespace ModelGrid.Silo.Web.Charts;

/// <summary>
/// A linear value axis with round ticks: its range covers every number drawn (and 0 for bars, which start there),
/// widened to whole steps of 1, 2, 2.5 or 5 times a power of ten.
/// </summary>
public sealed class ChartScale
{
    private ChartScale(double min, double max, double step, double top, double bottom)
    {
        (Min, Max, Step, Top, Bottom) = (min, max, step, top, bottom);
    }

    /// <summary>The value at the bottom of the axis.</summary>
    public double Min { get; }

    /// <summary>The value at the top of the axis.</summary>
    public double Max { get; }

    /// <summary>The distance between ticks.</summary>
    public double Step { get; }

    /// <summary>The drawing's y of <see cref="Max"/>.</summary>
    public double Top { get; }

    /// <summary>The drawing's y of <see cref="Min"/>.</summary>
    public double Bottom { get; }

    /// <summary>The tick values, from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            return [.. Enumerable.Range(0, count + 1).Select(i => Clean(Min + (i * Step)))];
        }
    }

    /// <summary>A scale for <paramref name="values"/> drawn between <paramref name="top"/> and <paramref name="bottom"/>.</summary>
    /// <param name="values">The finite numbers to cover; none gives the range 0 to 1.</param>
    /// <param name="includeZero">Whether 0 must be on the axis (bars start at 0).</param>
    /// <param name="top">The y of the axis' top.</param>
    /// <param name="bottom">The y of the axis' bottom (larger than <paramref name="top"/>).</param>
    public static ChartScale For(IEnumerable<double> values, bool includeZero, double top, double bottom)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToList();
        if (includeZero)
        {
            finite.Add(0);
        }

        var (low, high) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        if (high - low < 1e-12)
        {
            // One value alone: a unit around it, or 0 to 1 when it is 0.
            var pad = Math.Abs(low) < 1e-12 ? 1.0 : Math.Abs(low) / 2;
            (low, high) = includeZero && low >= 0 ? (0, Math.Max(high, pad)) : (low - pad, high + pad);
        }

        var step = NiceStep((high - low) / 5);
        var min = Math.Floor((low / step) + 1e-9) * step;
        var max = Math.Ceiling((high / step) - 1e-9) * step;
        return new ChartScale(Clean(min), Clean(max), step, top, bottom);
    }

    /// <summary>The drawing's y of <paramref name="value"/>.</summary>
    /// <param name="value">A value within the axis' range.</param>
    public double Y(double value) => Bottom - ((value - Min) / (Max - Min) * (Bottom - Top));

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normal = raw / magnitude;
        var nice = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5 ? 2.5 : normal <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    // Multiples of a step such as 0.1 carry binary noise (0.30000000000000004); twelve significant digits drop it.
    private static double Clean(double value) => Math.Abs(value) < 1e-12 ? 0 : double.Parse(value.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
