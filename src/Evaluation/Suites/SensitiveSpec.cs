namespace ModelGrid.Evaluation.Suites;

/// <summary>One sensitive feature: its column, every level it may take, and the privileged level.</summary>
/// <param name="Column">The column.</param>
/// <param name="Levels">Every value the column may hold, in report order; any other value is an error.</param>
/// <param name="Privileged">The privileged level (AIF360's comparison), or null for none.</param>
public sealed record SensitiveSpec(string Column, IReadOnlyList<string> Levels, string? Privileged);
