using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// Markdown tables of a report, as the presentation registered for its kind lays them out
/// (<see cref="ISuiteKindPresentation.Markdown"/>). Deterministic: the same report gives the same text.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>The rates each group's row shows, by name.</summary>
    public static IReadOnlyList<string> GroupColumnNames => ClassificationPresentation.GroupColumnNames;

    /// <summary>The measures the throughput table shows, by name.</summary>
    public static IReadOnlyList<string> ThroughputColumns => ThroughputPresentation.Columns;

    /// <summary>The headline metrics of the report's kind, in order (others are in the stored result).</summary>
    /// <param name="report">The report.</param>
    /// <param name="kinds">The kinds' presentations; <see cref="SuiteKindPresentations.Default"/> when null.</param>
    public static IReadOnlyList<string> Headline(EvaluationReport report, SuiteKindPresentations? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (kinds ?? SuiteKindPresentations.Default).Get(report.Kind).Headline(report);
    }

    /// <summary>The report as markdown, headed at <paramref name="level"/> (2 gives <c>##</c>), as its kind lays it out.</summary>
    /// <param name="report">The report.</param>
    /// <param name="level">The heading level of each sub-section (a fairness view).</param>
    /// <param name="links">Link each metric name to its definition (<see cref="MetricGlossary.Link"/>), as a card does.</param>
    /// <param name="kinds">The kinds' presentations; <see cref="SuiteKindPresentations.Default"/> when null.</param>
    public static string Render(EvaluationReport report, int level = 3, bool links = false, SuiteKindPresentations? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (kinds ?? SuiteKindPresentations.Default).Get(report.Kind).Markdown(report, level, links);
    }

    /// <summary>
    /// Which prediction each family of fairness metrics counts: Fairlearn's and the group rates the positive one, AIF360's
    /// the favourable outcome the suite declares. Null for a report without fairness views.
    /// </summary>
    public static string? Orientation(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Fairness.Count == 0)
        {
            return null;
        }

        return Orientation(report.Outcomes);
    }

    /// <summary>The same sentence for a suite's declared outcomes; null stands for a result recorded before suites declared them.</summary>
    public static string Orientation(FairnessOutcomes? outcomes)
    {
        if (outcomes is not { } o)
        {
            return "Fairlearn metrics and the group rates count the positive prediction ŷ = 1. AIF360 metrics (aif360.*), in this result "
                + "recorded before suites declared their favourable outcome, count ŷ = 1 as favourable too, and compare the privileged group with every other row.";
        }

        var positive = $"ŷ = 1 ({Values(o.Column, o.Positive)})";
        var favourable = o.Favourable == FavourableOutcome.Negative
            ? $"ŷ = 0 ({Values(o.Column, o.Negative)}{(o.FavourableMeaning is { } m ? $": {m}" : "")})"
            : $"ŷ = 1, the positive prediction{(o.FavourableMeaning is { } meaning ? $" ({meaning})" : "")}";
        return $"Fairlearn metrics and the group rates count the positive prediction {positive}. "
            + $"AIF360 metrics (aif360.*) count the favourable outcome {favourable}, and compare the privileged group with every other row.";
    }

    private static string Values(string? column, IReadOnlyList<string> values) =>
        (column, values.Count) switch
        {
            (null, _) => "the label",
            (_, 1) => $"{column} = {values[0]}",
            _ => $"{column} in {{{string.Join(", ", values)}}}",
        };
}
