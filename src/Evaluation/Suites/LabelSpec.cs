namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// Where the true label comes from. Binary: the values that mean positive and negative, every other value an error.
/// Multiclass: integer class numbers 0 … <see cref="Classes"/> − 1.
/// </summary>
/// <param name="Column">The CSV column (null for IDX labels).</param>
/// <param name="Positive">Values read as the positive class (binary).</param>
/// <param name="Negative">Values read as the negative class (binary).</param>
/// <param name="Classes">K (multiclass), 2 (binary).</param>
public sealed record LabelSpec(string? Column, IReadOnlyList<string> Positive, IReadOnlyList<string> Negative, int Classes);
