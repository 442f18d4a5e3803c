namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// One sensitive feature: a group code per row and the code → name table. Codes run from 0 to
/// <c>Levels.Count − 1</c>; a row with a missing value must be given a level of its own (as Fairlearn, NaN is no
/// category).
/// </summary>
/// <param name="Name">The feature's name (for example "sex").</param>
/// <param name="Codes">One code per row.</param>
/// <param name="Levels">The name of each code, in code order; the order of the groups in reports.</param>
public sealed record SensitiveFeature(string Name, ReadOnlyMemory<int> Codes, IReadOnlyList<string> Levels);
