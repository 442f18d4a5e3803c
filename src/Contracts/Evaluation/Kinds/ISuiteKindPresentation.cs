using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// How one suite kind's results are shown: its headline metrics, its Markdown tables (the report and the card), its
/// entries in a card's <c>model-index</c>, its terminal text and the comparison rows a terminal shows by default. This
/// is the half of a kind that needs no engine, so the grains (which render cards) and the client (which prints reports)
/// have it; the engine's half (<c>ISuiteKind</c> in Grid.Evaluation) names it, and registering the engine's half
/// registers this one too.
/// </summary>
public interface ISuiteKindPresentation
{
    /// <summary>The kind shown.</summary>
    SuiteKind Kind { get; }

    /// <summary>The comparison rows a terminal shows by default (the API and <c>--all</c> give every one).</summary>
    IReadOnlyCollection<string> ComparisonHeadline { get; }

    /// <summary>The headline metrics of <paramref name="report"/>, in the order shown (others stay in the stored result).</summary>
    /// <param name="report">A report of this kind.</param>
    IReadOnlyList<string> Headline(EvaluationReport report);

    /// <summary>The report's tables as Markdown.</summary>
    /// <param name="report">A report of this kind.</param>
    /// <param name="level">The heading level of a sub-section (2 gives <c>##</c>).</param>
    /// <param name="links">Link each metric name to its definition, as a card does.</param>
    string Markdown(EvaluationReport report, int level, bool links);

    /// <summary>The metric names the report's part of a card shows, whose definitions the card lists.</summary>
    /// <param name="report">A report of this kind.</param>
    IEnumerable<string> DefinedNames(EvaluationReport report);

    /// <summary>The metrics of the report's <c>model-index</c> result, in order.</summary>
    /// <param name="report">A report of this kind.</param>
    IEnumerable<CardMetric> CardMetrics(EvaluationReport report);

    /// <summary>The <c>task.type</c> of the report's <c>model-index</c> result.</summary>
    /// <param name="report">A report of this kind.</param>
    string CardTask(EvaluationReport report);

    /// <summary>The rows the <c>model-index</c> result says were evaluated, or null for a kind that reads none.</summary>
    /// <param name="report">A report of this kind.</param>
    long? CardRows(EvaluationReport report);

    /// <summary>The report's tables as plain text for a terminal.</summary>
    /// <param name="report">A report of this kind.</param>
    /// <param name="options">The width, the layout and how text from a hub is made safe to print.</param>
    string Text(EvaluationReport report, ReportTextOptions options);
}
