namespace ModelGrid.Benchmarks.Hub;

/// <summary>What one <c>hub</c> run measures and where it keeps its files.</summary>
/// <param name="Rounds">Alternating rounds per measurement.</param>
/// <param name="FileBytes">Size of the generated file.</param>
/// <param name="SiloDll">The silo's entry assembly, started with <c>dotnet</c>.</param>
/// <param name="OutputFolder">Where the markdown report is written.</param>
/// <param name="WorkParent">Where the scratch folder is created.</param>
/// <param name="Arguments">The command's arguments as given, for the report.</param>
public sealed record HubBenchOptions(int Rounds, long FileBytes, string SiloDll, string OutputFolder, string WorkParent, string Arguments);
