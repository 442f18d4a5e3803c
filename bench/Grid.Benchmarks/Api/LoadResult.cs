namespace ModelGrid.Benchmarks.Api;

/// <summary>One autocannon run: mean requests per second, latency percentiles in ms, and the answers counted.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Ok, long Failed);
