namespace ModelGrid.Benchmarks.Web;

public sealed record PagesOptions(int Rounds, string SiloDll, IReadOnlyList<string> Mirrors, string OutputFolder, string CommandLine);
