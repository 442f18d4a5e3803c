namespace ModelGrid.Evaluation.Language;

/// <summary>The tokens a greedy generation chose for each row (without the prompt), and how long it took.</summary>
public sealed record GeneratedTokens(IReadOnlyList<int[]> Rows, GenerationTimings Timings);
