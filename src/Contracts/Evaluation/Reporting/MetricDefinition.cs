namespace ModelGrid.Evaluation.Reporting;

/// <summary>One metric the grid reports, defined once for cards, <c>docs/metrics.md</c> and <c>grid eval explain</c>.</summary>
/// <param name="Term">The name as reports write it ("selection_rate", "aif360.disparate_impact").</param>
/// <param name="Title">The name in words ("selection rate").</param>
/// <param name="Family">The section it belongs to ("Rates", "AIF360 comparison").</param>
/// <param name="Definition">What it measures, in a sentence or two.</param>
/// <param name="Formula">How it is computed from the counts, scores or timings.</param>
/// <param name="Source">The function whose definition it follows (Fairlearn, AIF360, scikit-learn, torchmetrics) or the grid's own measurement.</param>
/// <param name="Better">Which direction is better.</param>
public sealed record MetricDefinition(string Term, string Title, string Family, string Definition, string Formula, string Source, string Better);
