namespace ModelGrid.Benchmarks.Fairness;

/// <summary>What one <c>fairness</c> run measures and where it keeps its files.</summary>
/// <param name="Rounds">Alternating rounds of the grid and the numpy cell-multinomial script.</param>
/// <param name="Rows">Synthetic rows.</param>
/// <param name="Replicates">Bootstrap replicates B of the grid and the multinomial script.</param>
/// <param name="NaiveReplicates">Replicates of the naive row-resampling script (run once; its cost is linear in B).</param>
/// <param name="Seed">Seed of the rows and of every bootstrap.</param>
/// <param name="OutputFolder">Where the markdown report is written.</param>
/// <param name="WorkParent">Where the scratch folder with the rows file is created.</param>
/// <param name="Arguments">The command's arguments as given, for the report.</param>
public sealed record FairnessBenchOptions(int Rounds, int Rows, int Replicates, int NaiveReplicates, ulong Seed, string OutputFolder, string WorkParent, string Arguments);
