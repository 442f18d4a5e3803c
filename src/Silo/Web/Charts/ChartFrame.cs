using System.Text;

namespace ModelGrid.Silo.Web.Charts;

/// <summary>What both charts share: the <c>&lt;svg&gt;</c> element with its title and description, and the value axis.</summary>
public static class ChartFrame
{
    /// <summary>The drawing's left margin, where the value axis' labels go.</summary>
    public const double Left = 64;

    /// <summary>The drawing's top margin.</summary>
    public const double Top = 16;

    /// <summary>The plot's height.</summary>
    public const double PlotHeight = 240;

    /// <summary>The plot's bottom (the y of the axis' lowest value).</summary>
    public const double PlotBottom = Top + PlotHeight;

    /// <summary>Opens the <c>&lt;svg&gt;</c>: its id, role, size, and the title and description that label it.</summary>
    /// <param name="svg">Where the markup goes.</param>
    /// <param name="data">The chart.</param>
    /// <param name="width">The drawing's width.</param>
    /// <param name="height">The drawing's height.</param>
    public static void Open(StringBuilder svg, ChartData data, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(data);
        var id = ChartText.Encode(data.Id);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"")
            .Append($" viewBox=\"0 0 {ChartText.Coordinate(width)} {ChartText.Coordinate(height)}\" width=\"100%\" data-metric=\"{ChartText.Encode(data.Metric)}\">")
            .Append($"<title id=\"{id}-title\">{ChartText.Encode(data.Title)}</title>")
            .Append($"<desc id=\"{id}-desc\">{ChartText.Encode(data.Description)}</desc>");
    }

    /// <summary>Draws the value axis at <see cref="Left"/>: its line, ticks, tick labels, grid lines and the metric's name.</summary>
    /// <param name="svg">Where the markup goes.</param>
    /// <param name="scale">The axis.</param>
    /// <param name="right">The plot's right edge (grid lines run to it).</param>
    /// <param name="label">The axis' name (the metric).</param>
    public static void ValueAxis(StringBuilder svg, ChartScale scale, double right, string label)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(scale);
        svg.Append("<g class=\"axis y\" font-size=\"11\" fill=\"#333333\">");
        foreach (var tick in scale.Ticks)
        {
            var y = ChartText.Coordinate(scale.Y(tick));
            svg.Append($"<line class=\"grid\" x1=\"{ChartText.Coordinate(Left)}\" x2=\"{ChartText.Coordinate(right)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#DDDDDD\"/>")
                .Append($"<line class=\"tick\" x1=\"{ChartText.Coordinate(Left - 5)}\" x2=\"{ChartText.Coordinate(Left)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#333333\"/>")
                .Append($"<text class=\"tick-label\" x=\"{ChartText.Coordinate(Left - 8)}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" data-value=\"{ChartText.Value(tick)}\">{ChartText.Tick(tick)}</text>");
        }

        svg.Append($"<line class=\"axis-line\" x1=\"{ChartText.Coordinate(Left)}\" x2=\"{ChartText.Coordinate(Left)}\" y1=\"{ChartText.Coordinate(scale.Top)}\" y2=\"{ChartText.Coordinate(scale.Bottom)}\" stroke=\"#333333\"/>")
            .Append($"<text class=\"axis-label\" transform=\"translate(14 {ChartText.Coordinate((scale.Top + scale.Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\">{ChartText.Encode(label)}</text>")
            .Append("</g>");
    }

    /// <summary>Where each legend item goes: its x and its row, items wrapping to a new row at <paramref name="width"/>.</summary>
    /// <param name="labels">The items' labels.</param>
    /// <param name="width">The drawing's width.</param>
    public static IReadOnlyList<(double X, int Row)> LegendPositions(IEnumerable<string> labels, double width)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var positions = new List<(double X, int Row)>();
        var (x, row) = (Left, 0);
        foreach (var label in labels)
        {
            var itemWidth = 34 + (7 * label.Length);
            if (x > Left && x + itemWidth > width)
            {
                (x, row) = (Left, row + 1);
            }

            positions.Add((x, row));
            x += itemWidth + 12;
        }

        return positions;
    }

    /// <summary>How many rows the legend of <paramref name="labels"/> takes at <paramref name="width"/>.</summary>
    /// <param name="labels">The items' labels.</param>
    /// <param name="width">The drawing's width.</param>
    public static int LegendRows(IEnumerable<string> labels, double width)
    {
        var positions = LegendPositions(labels, width);
        return positions.Count == 0 ? 1 : positions[^1].Row + 1;
    }

    /// <summary>Draws the legend from <paramref name="y"/>, 20 units a row.</summary>
    /// <param name="svg">Where the markup goes.</param>
    /// <param name="items">Each item's swatch markup (drawn in a 24 × 12 box at the origin) and its label.</param>
    /// <param name="y">The legend's top.</param>
    /// <param name="width">The drawing's width.</param>
    public static void Legend(StringBuilder svg, IReadOnlyList<(string Swatch, string Label)> items, double y, double width)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(items);
        var positions = LegendPositions(items.Select(i => i.Label), width);
        svg.Append("<g class=\"legend\" font-size=\"12\">");
        for (var i = 0; i < items.Count; i++)
        {
            var (x, row) = positions[i];
            svg.Append($"<g class=\"legend-item\" transform=\"translate({ChartText.Coordinate(x)} {ChartText.Coordinate(y + (row * 20))})\">")
                .Append(items[i].Swatch)
                .Append($"<text x=\"30\" y=\"10\">{ChartText.Encode(items[i].Label)}</text></g>");
        }

        svg.Append("</g>");
    }
}
