namespace ModelGrid.Benchmarks.Hub;

/// <summary>How busy the machine was with other work: just before the run, and during it (shares of all cores).</summary>
public sealed record LoadShares(double Before, double During);
