namespace ModelGrid.Evaluation.Suites;

/// <summary>The throughput part of a suite.</summary>
/// <param name="BatchSizes">Batch sizes measured where the model's batch dimension allows.</param>
/// <param name="Threads">Intra-op thread counts swept.</param>
/// <param name="Seed">Seed of the generated inputs.</param>
/// <param name="WindowIterations">Calls per warm-up window.</param>
/// <param name="MaxWarmupWindows">The cap on warm-up windows before a run is reported as unstable.</param>
/// <param name="Tolerance">Three consecutive windows within this relative spread count as settled.</param>
/// <param name="MeasureIterations">Timed calls per configuration.</param>
/// <param name="StringValues">Values drawn for string inputs, by input name.</param>
public sealed record ThroughputSpec(
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<int> Threads,
    int Seed,
    int WindowIterations,
    int MaxWarmupWindows,
    double Tolerance,
    int MeasureIterations,
    IReadOnlyDictionary<string, IReadOnlyList<string>> StringValues);
