using System.Globalization;
using System.Text.Encodings.Web;

namespace ModelGrid.Silo.Web.Charts;

/// <summary>How text and numbers go into SVG markup: every piece of text encoded, numbers in the invariant culture.</summary>
public static class ChartText
{
    /// <summary>Text made safe for an element's content or a quoted attribute value (quotes, angle brackets, ampersands and more encoded).</summary>
    /// <param name="text">Any text, user data included.</param>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A figure as the markup contract writes it in data attributes: invariant culture, six decimals.</summary>
    /// <param name="value">A finite value.</param>
    public static string Value(double value) => value.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>A coordinate: invariant culture, at most three decimals.</summary>
    /// <param name="value">A finite coordinate.</param>
    public static string Coordinate(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A tick label: invariant culture, up to four significant digits.</summary>
    /// <param name="value">The tick value.</param>
    public static string Tick(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A figure for a tooltip: three decimals and the interval when there is one.</summary>
    /// <param name="value">The figure.</param>
    public static string Figure(ChartValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Drawn is not { } v)
        {
            return "not reported";
        }

        return value.Interval is { } i
            ? string.Create(CultureInfo.InvariantCulture, $"{v:0.000} [{i.Low:0.000}, {i.High:0.000}]")
            : v.ToString("0.000", CultureInfo.InvariantCulture) + " (no interval)";
    }
}
