namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// Downloads through every server, round by round, alternating which server goes first; in each turn a single
/// stream then <see cref="ConcurrentStreams"/> concurrent ones. One untimed download per server warms up first.
/// </summary>
public static class DownloadBench
{
    public const int ConcurrentStreams = 4;

    public static async Task<IReadOnlyList<DownloadResult>> RunAsync(
        IReadOnlyList<BenchServer> servers, long fileBytes, int rounds, Action<string> log, CancellationToken cancellationToken)
    {
        foreach (var server in servers)
        {
            await CurlDownload.RunAsync(server, 1, fileBytes, cancellationToken);
        }

        var samples = new Dictionary<(string Server, int Streams), List<TransferSample>>();
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? servers : servers.Reverse();
            foreach (var server in order)
            {
                foreach (var streams in new[] { 1, ConcurrentStreams })
                {
                    var sample = await CurlDownload.RunAsync(server, streams, fileBytes, cancellationToken);
                    var key = (server.Name, streams);
                    if (!samples.TryGetValue(key, out var list))
                    {
                        samples[key] = list = [];
                    }

                    list.Add(sample);
                    log($"download round {round}/{rounds}: {server.Name,-6} x{streams} {sample.GigabytesPerSecond:F2} GB/s, server CPU {sample.CpuSecondsPerGib:F2} s/GiB");
                }
            }
        }

        return [.. servers.SelectMany(s => new[] { 1, ConcurrentStreams }.Select(n => new DownloadResult(
            s.Name,
            n,
            new Samples([.. samples[(s.Name, n)].Select(x => x.GigabytesPerSecond)]),
            new Samples([.. samples[(s.Name, n)].Select(x => x.CpuSecondsPerGib)]))))];
    }
}
