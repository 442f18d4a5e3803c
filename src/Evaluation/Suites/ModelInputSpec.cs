namespace ModelGrid.Evaluation.Suites;

/// <summary>The mapping of one named model input from a named column (or the IDX item).</summary>
/// <param name="Name">The model input's name.</param>
/// <param name="Column">The column it is read from (null for <see cref="InputKind.Item"/>).</param>
/// <param name="Kind">How the value is converted.</param>
/// <param name="Missing">The value given for a missing one: a number for float inputs, a text for string inputs; null means a missing value is an error.</param>
public sealed record ModelInputSpec(string Name, string? Column, InputKind Kind, string? Missing);
