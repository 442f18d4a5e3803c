namespace ModelGrid.Evaluation.Suites;

/// <summary>One condition a row must meet to be evaluated; a suite's conditions all hold together.</summary>
/// <param name="Column">The column tested.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Values">The text values (<see cref="FilterOperator.In"/>, <see cref="FilterOperator.NotIn"/>).</param>
/// <param name="Number">The bound of a numeric comparison.</param>
public sealed record RowFilter(string Column, FilterOperator Operator, IReadOnlyList<string> Values, double Number);
