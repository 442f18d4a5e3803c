using System.Diagnostics;
using System.Globalization;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// Downloads the file with 1 or more concurrent curls to /dev/null and measures the aggregate throughput (wall time
/// from the first start to the last exit) and the server's CPU time over the same span.
/// </summary>
public static class CurlDownload
{
    public const double BytesPerGib = 1L << 30;

    public static async Task<TransferSample> RunAsync(BenchServer server, int streams, long fileBytes, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> arguments = [.. server.CurlAuth, "-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_download}", server.FileUri.AbsoluteUri];
        var pids = server.Pids();
        var cpuBefore = ProcessCpu.Seconds(pids);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => ExternalCommand.RunAsync("curl", arguments, cancellationToken)));
        clock.Stop();
        var cpu = ProcessCpu.Seconds(pids) - cpuBefore;
        var expected = $"200 {fileBytes.ToString(CultureInfo.InvariantCulture)}";
        foreach (var result in results)
        {
            if (result.EnsureSuccess().Stdout.Trim() != expected)
            {
                throw new InvalidOperationException($"{server.Name}: curl got '{result.Stdout.Trim()}', expected '{expected}'");
            }
        }

        var bytes = (double)fileBytes * streams;
        return new TransferSample(bytes / clock.Elapsed.TotalSeconds / 1e9, cpu / (bytes / BytesPerGib));
    }
}
