namespace ModelGrid.Silo.Web;

/// <summary>A figure the publisher's own card (r1) states in its <c>model-index</c>: not measured by the grid.</summary>
/// <param name="Dataset">The dataset it names.</param>
/// <param name="Metric">The metric's type or name.</param>
/// <param name="Value">The value as written.</param>
public sealed record SelfReportedResult(string Dataset, string Metric, string Value);
