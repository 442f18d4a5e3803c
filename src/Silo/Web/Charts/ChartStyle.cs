using System.Text;

namespace ModelGrid.Silo.Web.Charts;

/// <summary>
/// The charts' series styles. Colours are the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies), ordered so the two first series are the most distinct and yellow, faint on white, comes late. Colour is
/// never the only cue: each bar series also has its own fill pattern and each line its own dash, and both charts name
/// every series in a legend (lines are labelled at their end too).
/// </summary>
public static class ChartStyle
{
    /// <summary>The Okabe–Ito colours in the order series take them: blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, black.</summary>
    public static IReadOnlyList<string> Colours { get; } = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>The line dashes in the order series take them (empty: solid).</summary>
    public static IReadOnlyList<string> Dashes { get; } = ["", "8 4", "2 3", "10 3 2 3", "4 4", "12 6", "2 6", "6 2 2 2 2 2"];

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    /// <param name="index">The series' index, 0 up.</param>
    public static string Colour(int index) => Colours[index % Colours.Count];

    /// <summary>The dash of line <paramref name="index"/>.</summary>
    /// <param name="index">The series' index, 0 up.</param>
    public static string Dash(int index) => Dashes[index % Dashes.Count];

    /// <summary>The id of bar series <paramref name="index"/>'s fill pattern in chart <paramref name="chartId"/>.</summary>
    /// <param name="chartId">The chart's id.</param>
    /// <param name="index">The series' index, 0 up.</param>
    public static string PatternId(string chartId, int index) => $"{chartId}-pattern-{index}";

    /// <summary>
    /// The <c>&lt;pattern&gt;</c> of bar series <paramref name="index"/>: its colour with a texture of its own (solid,
    /// diagonal, dots, cross-hatch, horizontal, vertical, reverse diagonal, grid).
    /// </summary>
    /// <param name="chartId">The chart's id (already safe as an attribute: it is the code's own).</param>
    /// <param name="index">The series' index, 0 up.</param>
    public static string Pattern(string chartId, int index)
    {
        var colour = Colour(index);
        var ink = colour == "#000000" ? "#FFFFFF" : "#000000";
        var texture = (index % 8) switch
        {
            0 => "",
            1 => $"<path d=\"M0,8 L8,0\" stroke=\"{ink}\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>",
            2 => $"<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"{ink}\" fill-opacity=\"0.6\"/>",
            3 => $"<path d=\"M0,8 L8,0 M0,0 L8,8\" stroke=\"{ink}\" stroke-width=\"1\" stroke-opacity=\"0.6\"/>",
            4 => $"<path d=\"M0,4 H8\" stroke=\"{ink}\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>",
            5 => $"<path d=\"M4,0 V8\" stroke=\"{ink}\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>",
            6 => $"<path d=\"M0,0 L8,8\" stroke=\"{ink}\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>",
            _ => $"<path d=\"M0,4 H8 M4,0 V8\" stroke=\"{ink}\" stroke-width=\"1\" stroke-opacity=\"0.6\"/>",
        };
        return new StringBuilder()
            .Append($"<pattern id=\"{PatternId(chartId, index)}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">")
            .Append($"<rect width=\"8\" height=\"8\" fill=\"{colour}\"/>")
            .Append(texture)
            .Append("</pattern>")
            .ToString();
    }
}
