using System.Text.Json;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>Uploads a file into a draft the way a client streams it: <c>curl -T file -H 'Expect:'</c>, one PUT.</summary>
public static class CurlUpload
{
    public static async Task<UploadSample> RunAsync(BenchServer silo, Uri fileUri, string file, CancellationToken cancellationToken)
    {
        var pids = silo.Pids();
        var cpuBefore = ProcessCpu.Seconds(pids);
        var result = await ExternalCommand.RunAsync(
            "curl", [.. silo.CurlAuth, "-sS", "-T", file, "-H", "Expect:", "-w", "\n%{http_code}", fileUri.AbsoluteUri], cancellationToken);
        var cpu = ProcessCpu.Seconds(pids) - cpuBefore;
        var lines = result.EnsureSuccess().Stdout.TrimEnd().Split('\n');
        if (lines[^1] != "200")
        {
            throw new InvalidOperationException($"the upload to {fileUri} answered {lines[^1]}: {string.Join('\n', lines[..^1])}");
        }

        using var json = JsonDocument.Parse(string.Join('\n', lines[..^1]));
        return new UploadSample(result.Elapsed.TotalSeconds, cpu, json.RootElement.GetProperty("outcome").GetString() ?? string.Empty);
    }
}
