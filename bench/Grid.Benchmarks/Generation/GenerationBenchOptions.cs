namespace ModelGrid.Benchmarks.Generation;

/// <summary>What one <c>generation</c> run measures and where it reads and writes.</summary>
/// <param name="Rounds">Alternating rounds per case.</param>
/// <param name="Generations">Generations per side and round; the round's figure is their total decode tokens over their total decode time.</param>
/// <param name="Tokens">Tokens generated per row.</param>
/// <param name="SharedFolder">The shared folder holding <c>models/lm</c>, read in place.</param>
/// <param name="OutputFolder">Where the markdown report is written.</param>
/// <param name="Arguments">The command's arguments as given, for the report.</param>
public sealed record GenerationBenchOptions(int Rounds, int Generations, int Tokens, string SharedFolder, string OutputFolder, string Arguments);
