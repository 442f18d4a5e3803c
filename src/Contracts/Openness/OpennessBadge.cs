using System.Globalization;

namespace ModelGrid.Openness;

/// <summary>An SVG badge of a version's class and its progress towards the next, in MOT's colours.</summary>
public static class OpennessBadge
{
    private const string Qualified = "#4c1";
    private const string InProgress = "#76b1c9";
    private const string NotMet = "#9ba0a2";

    /// <summary>The badge's text: the class, and the progress towards the next one unless it is Class I.</summary>
    public static string Text(MofClass cls, MofProgress progress)
    {
        var name = cls == MofClass.Unclassified ? "unclassified" : $"Class {MofEvaluation.ShortName(cls)}";
        return cls switch
        {
            MofClass.ClassI => name,
            MofClass.Unclassified => $"{name} · III {OpennessCard.Percent(progress.ClassIII)}",
            _ => $"{name} · {MofEvaluation.ShortName(cls - 1)} {OpennessCard.Percent(progress.For((int)cls - 1))}",
        };
    }

    /// <summary>The badge: "MOF" on the left, <see cref="Text"/> on the right, green once a class is met.</summary>
    public static string Svg(MofClass cls, MofProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var text = Text(cls, progress);
        var colour = cls != MofClass.Unclassified ? Qualified : progress.ClassIII > 0 ? InProgress : NotMet;
        const int left = 40;
        var right = 12 + (int)Math.Ceiling(text.Length * 6.5);
        var width = left + right;
        var label = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="MOF: {label}">
            <title>MOF: {label}</title>
            <rect width="{left}" height="20" fill="#555"/>
            <rect x="{left}" width="{right}" height="20" fill="{colour}"/>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
            <text x="{left / 2}" y="14">MOF</text>
            <text x="{left + (right / 2)}" y="14">{label}</text>
            </g>
            </svg>

            """);
    }
}
