using System.Globalization;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// The one table of metric definitions: model cards link their metric names to it, <c>docs/metrics.md</c> is written
/// from it, and <c>grid eval explain &lt;metric&gt;</c> prints from it. Every name a report can hold — a plain metric
/// (<c>roc_auc</c>), a group's rate (<c>group[Female].selection_rate</c>), an aggregate of a rate
/// (<c>false_positive_rate.difference.between_groups</c>), a Fairlearn disparity
/// (<c>equalized_odds_difference.worst_case.to_overall</c>), an AIF360 figure or a throughput figure
/// (<c>samples_per_second.batch_8.threads_2</c>) — resolves to an explanation.
/// </summary>
public static partial class MetricGlossary
{
    private static readonly string[] Methods = ["between_groups", "to_overall"];
    private static readonly string[] Aggregations = ["worst_case", "mean"];

    /// <summary>The definition of a metric's first part ("selection_rate"), or null.</summary>
    public static MetricDefinition? Definition(string term) =>
        Definitions.FirstOrDefault(d => string.Equals(d.Term, term, StringComparison.Ordinal));

    /// <summary>The anchor of a term in a card's glossary and in <c>docs/metrics.md</c>.</summary>
    public static string Anchor(string term) => "metric-" + term.Replace('.', '-');

    /// <summary>
    /// The explanation of a reported name, or null when the grid reports no such metric. A comparison row's view prefix
    /// ("race: aif360.disparate_impact") is accepted.
    /// </summary>
    public static MetricExplanation? Explain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rest = name.Trim();
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            rest = rest[(colon + 2)..];
        }

        var parts = new List<MetricQualifier>();
        string? group = null;
        if (rest.StartsWith("group[", StringComparison.Ordinal) && rest.IndexOf("].", StringComparison.Ordinal) is var close and > 6)
        {
            group = rest[6..close];
            parts.Add(Qualifier("group[…]") with { Term = $"group[{group}]" });
            rest = rest[(close + 2)..];
        }
        else if (rest.StartsWith("overall.", StringComparison.Ordinal))
        {
            parts.Add(Qualifier("overall"));
            rest = rest["overall.".Length..];
        }

        var pieces = rest.Split('.');
        var (definition, used) = Longest(pieces);
        if (definition is null)
        {
            return null;
        }

        var tail = pieces[used..];
        var readable = definition.Title;
        var better = definition.Better;
        if (definition.Family == Throughput)
        {
            if (group is not null || tail.Length != 2 || Number(tail[0], "batch_") is not { } batch || Number(tail[1], "threads_") is not { } threads)
            {
                return tail.Length == 0 && group is null ? new MetricExplanation(name, readable, definition, parts, better) : null;
            }

            parts.Add(Qualifier("batch_N") with { Term = tail[0] });
            parts.Add(Qualifier("threads_N") with { Term = tail[1] });
            readable = string.Create(CultureInfo.InvariantCulture, $"{readable} at batch {batch}, {threads} thread{(threads == 1 ? "" : "s")}");
            return new MetricExplanation(name, readable, definition, parts, better);
        }

        var modifiers = new List<string>();
        foreach (var piece in tail)
        {
            if (Qualifiers.FirstOrDefault(q => q.Term == piece) is not { } qualifier || !Allowed(definition, parts, piece))
            {
                return null;
            }

            parts.Add(qualifier);
            better = qualifier.Better ?? better;
            modifiers.Add(piece);
        }

        return group is not null && (modifiers.Count > 0 || definition.Family is not (Rates or Language))
            ? null
            : new MetricExplanation(name, Readable(readable, modifiers, group), definition, parts, better);
    }

    /// <summary>A reported name in words: "demographic parity difference (between groups)", "samples/s at batch 1, 1 thread"; the name itself when unknown.</summary>
    public static string Readable(string name) => Explain(name)?.Readable ?? name;

    private static (MetricDefinition? Definition, int Used) Longest(string[] pieces)
    {
        for (var used = Math.Min(pieces.Length, 2); used >= 1; used--)
        {
            if (Definition(string.Join('.', pieces[..used])) is { } definition)
            {
                return (definition, used);
            }
        }

        return (null, 0);
    }

    private static bool Allowed(MetricDefinition definition, List<MetricQualifier> before, string piece)
    {
        var previous = before.Count == 0 ? null : before[^1].Term;
        var named = definition.Family == Fairlearn;
        var multi = definition.Term.StartsWith("equalized_odds", StringComparison.Ordinal);
        return piece switch
        {
            "group_min" or "group_max" => definition.Family == Rates && previous is null,
            "difference" or "ratio" => definition.Family == Rates && previous is null,
            "worst_case" or "mean" => named && multi && previous is null,
            _ when Methods.Contains(piece) => named ? (!multi || Aggregations.Contains(previous)) : previous is "difference" or "ratio",
            _ => false,
        };
    }

    private static string Readable(string title, List<string> modifiers, string? group)
    {
        var aggregate = modifiers.FirstOrDefault(m => m is "difference" or "ratio" or "group_min" or "group_max");
        var text = aggregate switch
        {
            "difference" => title + " difference",
            "ratio" => title + " ratio",
            "group_min" => title + ", group minimum",
            "group_max" => title + ", group maximum",
            _ => title,
        };
        var settings = modifiers.Where(m => m != aggregate).Select(m => m.Replace('_', ' ')).ToList();
        text = settings.Count == 0 ? text : $"{text} ({string.Join(", ", settings)})";
        return group is null ? text : $"{text} of {group}";
    }

    private static MetricQualifier Qualifier(string term) => Qualifiers.First(q => q.Term == term);

    private static int? Number(string piece, string prefix) =>
        piece.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(piece.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
}
