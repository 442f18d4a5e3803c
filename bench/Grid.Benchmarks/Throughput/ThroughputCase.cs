namespace ModelGrid.Benchmarks.Throughput;

/// <summary>One model at one intra-op thread count.</summary>
/// <param name="Model">The model's short name in the report.</param>
/// <param name="RelativePath">The model file under the shared folder.</param>
/// <param name="Threads">Intra-op threads, for both sides.</param>
public sealed record ThroughputCase(string Model, string RelativePath, int Threads);
