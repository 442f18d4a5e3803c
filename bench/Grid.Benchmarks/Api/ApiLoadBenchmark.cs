using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ModelGrid.Benchmarks.Hub;

namespace ModelGrid.Benchmarks.Api;

/// <summary>
/// Starts the bare endpoint and the silo (embedded store, a published public model of one empty file), then for each
/// concurrency step loads each target in turn — bare GET, model-info GET, file HEAD — for the same seconds after a
/// one-second warm-up, noting the machine's load average around each step.
/// </summary>
public static class ApiLoadBenchmark
{
    public const string Model = "load-model";
    // Empty: autocannon reads a HEAD answer's Content-Length as a body to wait for, so a HEAD of a file with bytes never
    // completes there. The hub's HEAD does the same work for any size (it reads no bytes).
    public const string FileName = "empty.bin";

    public static async Task<int> RunAsync(ApiLoadOptions options, CancellationToken cancellationToken)
    {
        using var run = new BenchRun(cancellationToken);
        try
        {
            var report = await MeasureAsync(options, run.Log, run.Cancellation.Token);
            return await BenchReports.PublishAsync(options.OutputFolder, "api-load", report.Started, ApiLoadMarkdown.Render(report), report.Failed == 0, "some requests failed (see the report)", run.Log);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted; servers stopped and files deleted");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or HttpRequestException or System.ComponentModel.Win32Exception)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<ApiLoadReport> MeasureAsync(ApiLoadOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        SiloHost.EnsureBuilt(options.SiloDll);
        var machine = await HostInfo.CollectAsync(cancellationToken);
        var script = await Autocannon.EnsureInstalledAsync(cancellationToken);
        var scratch = Path.Combine(Path.GetTempPath(), $"grid-api-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            await using var bare = await StartBareAsync(scratch, cancellationToken);
            await using var silo = await SiloHost.StartAsync(options.SiloDll, Path.Combine(scratch, "data"), Path.Combine(scratch, "silo.log"), 16L << 20, cancellationToken);
            await PublishAsync(silo, cancellationToken);
            var targets = new (string Name, Uri Url, string Method)[]
            {
                (ApiLoadReport.Bare, new Uri(bare.Url, BareServer.Path), "GET"),
                (ApiLoadReport.ModelInfo, new Uri(silo.BaseUri, $"api/v1/models/{HubApi.Owner}/{Model}"), "GET"),
                (ApiLoadReport.FileHead, new Uri(silo.BaseUri, $"api/v1/models/{HubApi.Owner}/{Model}/versions/1/files/{FileName}"), "HEAD"),
            };
            var noHeaders = new Dictionary<string, string>();
            var cells = new List<LoadCell>();
            var loads = new List<(int Connections, string Before, string After)>();
            foreach (var connections in options.Concurrency)
            {
                var before = await LoadAverageAsync(cancellationToken);
                foreach (var (name, url, method) in targets)
                {
                    await Autocannon.RunAsync(script, url, method, noHeaders, connections, 1, cancellationToken);
                    var result = await Autocannon.RunAsync(script, url, method, noHeaders, connections, options.Seconds, cancellationToken);
                    log($"{name,-16} c={connections,-3} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Ms} ms  p99 {result.P99Ms} ms  failed {result.Failed}");
                    cells.Add(new LoadCell(name, connections, result));
                }

                loads.Add((connections, before, await LoadAverageAsync(cancellationToken)));
            }

            return new ApiLoadReport(started, machine, options, cells, loads);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The bare endpoint in a process of its own, with the server GC the silo also runs with.</summary>
    private static async Task<BareProcess> StartBareAsync(string scratch, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var self = Path.Combine(AppContext.BaseDirectory, "Grid.Benchmarks.dll");
        var process = ServerProcess.Start(
            "dotnet",
            [self, "api-load", "--bare-server", port.ToString(CultureInfo.InvariantCulture)],
            AppContext.BaseDirectory,
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" },
            Path.Combine(scratch, "bare.log"));
        var bare = new BareProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(bare.Url, BareServer.Path), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return bare;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task PublishAsync(SiloHost silo, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseUri };
        var api = new HubApi(http, silo.Token);
        var bytes = Array.Empty<byte>();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await api.CreateModelAsync(Model, cancellationToken);
        var version = await api.CreateDraftAsync(Model, FileName, bytes.Length, sha, cancellationToken);
        using var put = new HttpRequestMessage(HttpMethod.Put, api.FileUri(Model, version, FileName)) { Content = new ByteArrayContent(bytes) };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", silo.Token);
        put.Headers.Add("X-Grid-Sha256", sha);
        using (var uploaded = await http.SendAsync(put, cancellationToken))
        {
            uploaded.EnsureSuccessStatusCode();
        }

        await api.PublishAsync(Model, version, cancellationToken);
    }

    private static async Task<string> LoadAverageAsync(CancellationToken cancellationToken) =>
        string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ').Take(3));

    private sealed class BareProcess(ServerProcess process, Uri url) : IAsyncDisposable
    {
        public Uri Url { get; } = url;

        public ValueTask DisposeAsync() => process.DisposeAsync();
    }
}
