using System.Text;

namespace ModelGrid.Silo.Web.Charts;

/// <summary>
/// The metric over versions: one line per group across the versions in the order asked for, a point per figure. Every
/// point carries its figures as data attributes (<c>data-group</c>, <c>data-version</c>, <c>data-metric</c>,
/// <c>data-value</c>; six decimals, invariant culture). Each line has its own colour and dash and is named at its last
/// point and in the legend. A figure that is not reported breaks the line there.
/// </summary>
public static class VersionLineChart
{
    /// <summary>The horizontal distance between two versions.</summary>
    public const double VersionSpacing = 96;

    /// <summary>The space between the value axis and the first version.</summary>
    public const double Inset = 32;

    private const double MinimumPlotWidth = 320;
    private const double AxisSpace = 40;

    /// <summary>The chart as one <c>&lt;svg&gt;</c> element.</summary>
    /// <param name="data">What to draw.</param>
    public static string Render(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plotWidth = Math.Max(MinimumPlotWidth, (2 * Inset) + (Math.Max(0, data.Versions.Count - 1) * VersionSpacing));
        var plotRight = ChartFrame.Left + plotWidth;
        var labelSpace = 16 + Math.Min(180, 7 * data.Groups.Select(g => g.Length).DefaultIfEmpty(0).Max());
        var width = plotRight + labelSpace;
        var scale = Scale(data);
        var legendRows = ChartFrame.LegendRows(data.Groups, width);
        var height = ChartFrame.PlotBottom + AxisSpace + (legendRows * 20) + 8;
        var svg = new StringBuilder();
        ChartFrame.Open(svg, data, width, height);
        ChartFrame.ValueAxis(svg, scale, plotRight, data.Metric);
        svg.Append("<g class=\"axis x\" font-size=\"12\">")
            .Append($"<line class=\"axis-line\" x1=\"{ChartText.Coordinate(ChartFrame.Left)}\" x2=\"{ChartText.Coordinate(plotRight)}\" y1=\"{ChartText.Coordinate(ChartFrame.PlotBottom)}\" y2=\"{ChartText.Coordinate(ChartFrame.PlotBottom)}\" stroke=\"#333333\"/>");
        for (var v = 0; v < data.Versions.Count; v++)
        {
            var x = ChartText.Coordinate(X(v));
            svg.Append($"<line class=\"tick\" x1=\"{x}\" x2=\"{x}\" y1=\"{ChartText.Coordinate(ChartFrame.PlotBottom)}\" y2=\"{ChartText.Coordinate(ChartFrame.PlotBottom + 5)}\" stroke=\"#333333\"/>")
                .Append($"<text class=\"version-label\" x=\"{x}\" y=\"{ChartText.Coordinate(ChartFrame.PlotBottom + 20)}\" text-anchor=\"middle\" data-version=\"{data.Versions[v]}\">version {data.Versions[v]}</text>");
        }

        svg.Append("</g>");
        for (var g = 0; g < data.Groups.Count; g++)
        {
            Line(svg, data, scale, g);
        }

        var items = data.Groups.Select((group, g) => (Swatch(g), group)).ToList();
        ChartFrame.Legend(svg, items, ChartFrame.PlotBottom + AxisSpace, width);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The value axis the lines are drawn on: every value and interval end, so the axis is the bar chart's less the forced 0.</summary>
    /// <param name="data">What is drawn.</param>
    public static ChartScale Scale(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ChartScale.For(data.DrawnNumbers(), includeZero: false, ChartFrame.Top, ChartFrame.PlotBottom);
    }

    /// <summary>The x of the <paramref name="index"/>-th version.</summary>
    /// <param name="index">The version's position, 0 up.</param>
    public static double X(int index) => ChartFrame.Left + Inset + (index * VersionSpacing);

    private static void Line(StringBuilder svg, ChartData data, ChartScale scale, int g)
    {
        var group = data.Groups[g];
        var colour = ChartStyle.Colour(g);
        var dash = ChartStyle.Dash(g);
        var points = new List<(double X, double Y, ChartValue Value)>();
        var path = new StringBuilder();
        var pen = 'M';
        for (var v = 0; v < data.Versions.Count; v++)
        {
            if (data.Find(group, data.Versions[v]) is { Drawn: { } drawn } value)
            {
                var (x, y) = (X(v), scale.Y(drawn));
                path.Append(pen).Append(ChartText.Coordinate(x)).Append(',').Append(ChartText.Coordinate(y)).Append(' ');
                points.Add((x, y, value));
                pen = 'L';
            }
            else
            {
                pen = 'M';
            }
        }

        var encoded = ChartText.Encode(group);
        svg.Append($"<g class=\"series\" data-group=\"{encoded}\">");
        if (path.Length > 0)
        {
            svg.Append($"<path class=\"line\" data-group=\"{encoded}\" d=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"")
                .Append(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")
                .Append("/>");
        }

        foreach (var (x, y, value) in points)
        {
            svg.Append($"<circle class=\"point\" data-group=\"{encoded}\" data-version=\"{value.Version}\" data-metric=\"{ChartText.Encode(data.Metric)}\" data-value=\"{ChartText.Value(value.Drawn!.Value)}\"")
                .Append(value.Interval is { } i ? $" data-low=\"{ChartText.Value(i.Low)}\" data-high=\"{ChartText.Value(i.High)}\"" : "")
                .Append($" cx=\"{ChartText.Coordinate(x)}\" cy=\"{ChartText.Coordinate(y)}\" r=\"4\" fill=\"#FFFFFF\" stroke=\"{colour}\" stroke-width=\"2\">")
                .Append($"<title>{encoded}, version {value.Version}: {ChartText.Encode(ChartText.Figure(value))}</title></circle>");
        }

        if (points.Count > 0)
        {
            var last = points[^1];
            svg.Append($"<text class=\"line-label\" x=\"{ChartText.Coordinate(last.X + 8)}\" y=\"{ChartText.Coordinate(last.Y)}\" font-size=\"11\" dominant-baseline=\"middle\" fill=\"#222222\">{encoded}</text>");
        }

        svg.Append("</g>");
    }

    private static string Swatch(int g)
    {
        var dash = ChartStyle.Dash(g);
        return $"<line x1=\"0\" x2=\"24\" y1=\"6\" y2=\"6\" stroke=\"{ChartStyle.Colour(g)}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>"
            + $"<circle cx=\"12\" cy=\"6\" r=\"3\" fill=\"#FFFFFF\" stroke=\"{ChartStyle.Colour(g)}\" stroke-width=\"1.5\"/>";
    }
}
