namespace ModelGrid.Benchmarks.Api;

/// <summary>What one <c>api-load</c> run measures, and the arguments it was given (for the report).</summary>
public sealed record ApiLoadOptions(IReadOnlyList<int> Concurrency, int Seconds, string SiloDll, string OutputFolder, string Arguments);
