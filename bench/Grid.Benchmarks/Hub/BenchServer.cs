namespace ModelGrid.Benchmarks.Hub;

/// <summary>A server under measurement: where it serves the file, how to authenticate, and which processes to charge CPU to.</summary>
/// <param name="Name">The name in the report.</param>
/// <param name="FileUri">The URL of the 1 GiB file.</param>
/// <param name="BearerToken">The token to send, or null.</param>
/// <param name="Pids">The server's processes now (nginx: master and workers).</param>
public sealed record BenchServer(string Name, Uri FileUri, string? BearerToken, Func<IReadOnlyList<int>> Pids)
{
    /// <summary>curl's arguments for the authorization header, if any.</summary>
    public IReadOnlyList<string> CurlAuth => BearerToken is null ? [] : ["-H", $"Authorization: Bearer {BearerToken}"];
}
