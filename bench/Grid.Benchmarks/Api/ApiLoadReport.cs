namespace ModelGrid.Benchmarks.Api;

/// <summary>Everything one <c>api-load</c> run measured.</summary>
public sealed record ApiLoadReport(
    DateTimeOffset Started,
    HostInfo Machine,
    ApiLoadOptions Options,
    IReadOnlyList<LoadCell> Cells,
    IReadOnlyList<(int Connections, string Before, string After)> LoadAverages)
{
    public const string Bare = "bare GET";
    public const string ModelInfo = "model-info GET";
    public const string FileHead = "file HEAD";

    public long Failed => Cells.Sum(c => c.Result.Failed);

    public LoadResult Of(string target, int connections) =>
        Cells.Single(c => c.Target == target && c.Connections == connections).Result;

    /// <summary>The knee of a target: the fewest connections that reach 90 % of its highest requests per second.</summary>
    public int Knee(string target)
    {
        var best = Cells.Where(c => c.Target == target).Max(c => c.Result.RequestsPerSecond);
        return Cells.Where(c => c.Target == target && c.Result.RequestsPerSecond >= 0.9 * best).Min(c => c.Connections);
    }
}
