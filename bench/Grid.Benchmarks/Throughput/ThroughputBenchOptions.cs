namespace ModelGrid.Benchmarks.Throughput;

/// <summary>What one <c>throughput</c> run measures and where it reads and writes.</summary>
/// <param name="Rounds">Alternating rounds per case.</param>
/// <param name="Seconds">The target length of one timed stretch; the number of calls is set from it once per case.</param>
/// <param name="SharedFolder">The shared folder holding <c>models/</c>, read in place.</param>
/// <param name="OutputFolder">Where the markdown report is written.</param>
/// <param name="Arguments">The command's arguments as given, for the report.</param>
public sealed record ThroughputBenchOptions(int Rounds, double Seconds, string SharedFolder, string OutputFolder, string Arguments);
