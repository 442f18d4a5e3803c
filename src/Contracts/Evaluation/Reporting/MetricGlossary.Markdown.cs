using System.Text;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>The glossary as Markdown: the reference page <c>docs/metrics.md</c> and the definitions section of a card.</summary>
public static partial class MetricGlossary
{
    /// <summary>A Markdown link from a reported name (or <paramref name="text"/>) to its metric's anchor; the name alone when unknown.</summary>
    public static string Link(string name, string? text = null) =>
        Explain(name) is { } explanation ? $"[{text ?? name}](#{Anchor(explanation.Definition.Term)})" : text ?? name;

    /// <summary>The reference page, <c>docs/metrics.md</c>: every definition by family, then the parts of names.</summary>
    public static string ReferencePage()
    {
        var text = new StringBuilder();
        text.Append("# Metrics\n\n")
            .Append("<!-- Written from src/Evaluation/Reporting/MetricGlossary.Terms.cs; a test keeps this page equal to it. -->\n\n")
            .Append("Every name in a result, a model card or `grid compare` is one of the metrics below, possibly followed by parts that\n")
            .Append("say how it was taken (`group[Female].selection_rate`, `false_positive_rate.difference.between_groups`).\n")
            .Append("`grid eval explain <name>` prints the explanation of a whole name. Fairlearn's metrics and the group rates count the\n")
            .Append("positive prediction (ŷ = 1); AIF360's count the favourable outcome the suite declares (`fairness.favourable`, see\n")
            .Append("`eval-suites/README.md`) and compare the privileged group with every other row.\n");
        foreach (var family in Definitions.Select(d => d.Family).Distinct())
        {
            text.Append("\n## ").Append(family).Append('\n');
            foreach (var d in Definitions.Where(d => d.Family == family))
            {
                text.Append("\n<a id=\"").Append(Anchor(d.Term)).Append("\"></a>\n")
                    .Append("### `").Append(d.Term).Append("` — ").Append(d.Title).Append("\n\n")
                    .Append(d.Definition).Append("\n\n")
                    .Append("- Formula: ").Append(d.Formula).Append('\n')
                    .Append("- Source: ").Append(d.Source).Append('\n')
                    .Append("- Better: ").Append(d.Better).Append('\n');
            }
        }

        text.Append("\n## Parts of names\n\n| part | meaning | better |\n| --- | --- | --- |\n");
        foreach (var q in Qualifiers)
        {
            text.Append("| `").Append(q.Term).Append("` | ").Append(Cell(q.Meaning)).Append(" | ").Append(Cell(q.Better ?? "as the metric's")).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A card's definitions section for the metrics among <paramref name="names"/> (reported names, in any order),
    /// each with the anchor <see cref="Link"/> points at, then the parts of names they use.
    /// </summary>
    public static string CardSection(IEnumerable<string> names, string heading)
    {
        ArgumentNullException.ThrowIfNull(names);
        var explained = names.Select(Explain).OfType<MetricExplanation>().ToList();
        var terms = explained.Select(e => e.Definition.Term).ToHashSet(StringComparer.Ordinal);
        var parts = explained.SelectMany(e => e.Qualifiers).Select(Generic).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(heading).Append("\n\nEach metric name above links here; `docs/metrics.md` in the ModelGrid repository and `grid eval explain <metric>` give the same definitions.\n");
        foreach (var d in Definitions.Where(d => terms.Contains(d.Term)))
        {
            text.Append("\n<a id=\"").Append(Anchor(d.Term)).Append("\"></a>**").Append(d.Term).Append("** (").Append(d.Title).Append("): ")
                .Append(d.Definition).Append(" Formula: ").Append(d.Formula).Append(". Source: ").Append(d.Source)
                .Append(". Better: ").Append(d.Better).Append(".\n");
        }

        var used = Qualifiers.Where(q => parts.Contains(q.Term)).ToList();
        if (used.Count > 0)
        {
            text.Append("\nParts of names:\n\n");
            foreach (var q in used)
            {
                text.Append("- `").Append(q.Term).Append("`: ").Append(q.Meaning).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Generic(MetricQualifier qualifier) => qualifier.Term switch
    {
        var t when t.StartsWith("group[", StringComparison.Ordinal) => "group[…]",
        var t when t.StartsWith("batch_", StringComparison.Ordinal) => "batch_N",
        var t when t.StartsWith("threads_", StringComparison.Ordinal) => "threads_N",
        var t => t,
    };
}
