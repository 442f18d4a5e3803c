namespace ModelGrid.Benchmarks.Api;

/// <summary>One target at one concurrency.</summary>
public sealed record LoadCell(string Target, int Connections, LoadResult Result);
