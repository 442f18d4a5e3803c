using System.Text;

namespace ModelGrid.Silo.Web.Charts;

/// <summary>
/// Grouped bars: one cluster per group, one bar per version in it, each with a whisker from its interval's low to its
/// high end. Every bar carries its figures as data attributes (<c>data-group</c>, <c>data-version</c>,
/// <c>data-metric</c>, <c>data-value</c>, <c>data-low</c>, <c>data-high</c>; six decimals, invariant culture), so a
/// reader of the markup can check the drawing against the API. A figure that is not reported is marked "n/a" at the
/// baseline instead of a bar; a figure without an interval has a bar and no whisker.
/// </summary>
public static class GroupedBarChart
{
    /// <summary>A bar's width.</summary>
    public const double BarWidth = 18;

    /// <summary>The space between two groups' clusters.</summary>
    public const double GroupGap = 24;

    private const double LabelSpace = 112;
    private const double MinimumPlotWidth = 320;
    private const double Right = 16;

    /// <summary>The chart as one <c>&lt;svg&gt;</c> element.</summary>
    /// <param name="data">What to draw.</param>
    public static string Render(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clusterWidth = (data.Versions.Count * BarWidth) + GroupGap;
        var plotWidth = Math.Max(MinimumPlotWidth, (data.Groups.Count * clusterWidth) + GroupGap);
        var plotRight = ChartFrame.Left + plotWidth;
        var width = plotRight + Right;
        var scale = Scale(data);
        var legendRows = ChartFrame.LegendRows(data.Versions.Select(Label), width);
        var height = ChartFrame.PlotBottom + LabelSpace + (legendRows * 20) + 8;
        var svg = new StringBuilder();
        ChartFrame.Open(svg, data, width, height);
        svg.Append("<defs>");
        for (var i = 0; i < data.Versions.Count; i++)
        {
            svg.Append(ChartStyle.Pattern(ChartText.Encode(data.Id), i));
        }

        svg.Append("</defs>");
        ChartFrame.ValueAxis(svg, scale, plotRight, data.Metric);
        var zero = scale.Y(0);
        svg.Append($"<line class=\"baseline\" x1=\"{ChartText.Coordinate(ChartFrame.Left)}\" x2=\"{ChartText.Coordinate(plotRight)}\" y1=\"{ChartText.Coordinate(zero)}\" y2=\"{ChartText.Coordinate(zero)}\" stroke=\"#333333\"/>");
        for (var g = 0; g < data.Groups.Count; g++)
        {
            var group = data.Groups[g];
            var clusterLeft = ChartFrame.Left + GroupGap + (g * clusterWidth);
            svg.Append($"<g class=\"cluster\" data-group=\"{ChartText.Encode(group)}\">");
            for (var v = 0; v < data.Versions.Count; v++)
            {
                var version = data.Versions[v];
                var x = clusterLeft + (v * BarWidth);
                Bar(svg, data, scale, data.Find(group, version) ?? new ChartValue(group, version, null, null, null), v, x, zero);
            }

            var labelX = ChartText.Coordinate(clusterLeft + ((clusterWidth - GroupGap) / 2));
            var labelY = ChartText.Coordinate(ChartFrame.PlotBottom + 14);
            svg.Append($"<text class=\"group-label\" x=\"{labelX}\" y=\"{labelY}\" font-size=\"12\" text-anchor=\"end\" transform=\"rotate(-35 {labelX} {labelY})\">{ChartText.Encode(group)}</text>")
                .Append("</g>");
        }

        var items = data.Versions.Select((version, i) => (
            $"<rect width=\"24\" height=\"12\" fill=\"url(#{ChartStyle.PatternId(ChartText.Encode(data.Id), i)})\" stroke=\"#333333\" stroke-width=\"0.5\"/>",
            Label(version))).ToList();
        ChartFrame.Legend(svg, items, ChartFrame.PlotBottom + LabelSpace, width);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The value axis the bars are drawn on: every value and interval end, and 0.</summary>
    /// <param name="data">What is drawn.</param>
    public static ChartScale Scale(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ChartScale.For(data.DrawnNumbers(), includeZero: true, ChartFrame.Top, ChartFrame.PlotBottom);
    }

    private static void Bar(StringBuilder svg, ChartData data, ChartScale scale, ChartValue value, int series, double x, double zero)
    {
        var attributes = $"data-group=\"{ChartText.Encode(value.Group)}\" data-version=\"{value.Version}\" data-metric=\"{ChartText.Encode(data.Metric)}\"";
        var tooltip = $"<title>{ChartText.Encode(value.Group)}, version {value.Version}: {ChartText.Encode(ChartText.Figure(value))}</title>";
        var centre = x + (BarWidth / 2);
        if (value.Drawn is not { } drawn)
        {
            svg.Append($"<text class=\"missing\" {attributes} x=\"{ChartText.Coordinate(centre)}\" y=\"{ChartText.Coordinate(zero - 4)}\" font-size=\"9\" text-anchor=\"middle\">n/a{tooltip}</text>");
            return;
        }

        var top = scale.Y(drawn);
        var interval = value.Interval;
        var ends = interval is { } i ? $" data-low=\"{ChartText.Value(i.Low)}\" data-high=\"{ChartText.Value(i.High)}\"" : "";
        svg.Append($"<rect class=\"bar\" {attributes} data-value=\"{ChartText.Value(drawn)}\"{ends}")
            .Append($" x=\"{ChartText.Coordinate(x + 1)}\" y=\"{ChartText.Coordinate(Math.Min(top, zero))}\" width=\"{ChartText.Coordinate(BarWidth - 2)}\" height=\"{ChartText.Coordinate(Math.Abs(zero - top))}\"")
            .Append($" fill=\"url(#{ChartStyle.PatternId(ChartText.Encode(data.Id), series)})\" stroke=\"#333333\" stroke-width=\"0.5\">{tooltip}</rect>");
        if (interval is { } range)
        {
            var (low, high) = (ChartText.Coordinate(scale.Y(range.Low)), ChartText.Coordinate(scale.Y(range.High)));
            var (cx, left, right) = (ChartText.Coordinate(centre), ChartText.Coordinate(centre - 4), ChartText.Coordinate(centre + 4));
            svg.Append($"<g class=\"whisker\" {attributes} data-low=\"{ChartText.Value(range.Low)}\" data-high=\"{ChartText.Value(range.High)}\" stroke=\"#222222\" stroke-width=\"1.2\">")
                .Append($"<line class=\"whisker-line\" x1=\"{cx}\" x2=\"{cx}\" y1=\"{low}\" y2=\"{high}\"/>")
                .Append($"<line class=\"whisker-cap low\" x1=\"{left}\" x2=\"{right}\" y1=\"{low}\" y2=\"{low}\"/>")
                .Append($"<line class=\"whisker-cap high\" x1=\"{left}\" x2=\"{right}\" y1=\"{high}\" y2=\"{high}\"/>")
                .Append("</g>");
        }
    }

    private static string Label(int version) => $"version {version}";
}
