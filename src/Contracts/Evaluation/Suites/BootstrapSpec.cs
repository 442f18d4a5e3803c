namespace ModelGrid.Evaluation.Suites;

/// <summary>The bootstrap a suite asks for.</summary>
/// <param name="Replicates">B (at least 1,000).</param>
/// <param name="Seed">The seed, recorded with every result.</param>
/// <param name="ConfidenceLevel">The coverage of each interval.</param>
public sealed record BootstrapSpec(int Replicates, ulong Seed, double ConfidenceLevel);
