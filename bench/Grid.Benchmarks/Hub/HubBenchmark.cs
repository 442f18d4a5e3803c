using System.Diagnostics;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// One run: generate the file, start the silo and upload it, start nginx on the very file the silo stored, check
/// ranges, alternate downloads, alternate ingest with openssl, print and save the report. Processes and files are
/// removed whatever happens, also on Ctrl+C or SIGTERM.
/// </summary>
public static class HubBenchmark
{
    public const string SiloName = "silo";
    public const string NginxName = "nginx";
    private const string BigModel = "big";
    private const double QuietShare = 0.1;

    public static async Task<int> RunAsync(HubBenchOptions options, CancellationToken cancellationToken)
    {
        using var run = new BenchRun(cancellationToken);
        var (cancel, clock) = (run.Cancellation, run.Clock);
        void Log(string line) => run.Log(line);

        try
        {
            var report = await MeasureAsync(options, clock, Log, cancel.Token);
            return await BenchReports.PublishAsync(
                options.OutputFolder, "hub", report.Started, MarkdownReport.Render(report), report.ChecksPassed, "a Range or content check failed (see the report)", Log);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
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

    private static async Task<HubReport> MeasureAsync(HubBenchOptions options, Stopwatch clock, Action<string> log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        SiloHost.EnsureBuilt(options.SiloDll);
        var machine = await MachineInfo.CollectAsync(cancellationToken);
        var before = await OtherLoadMeter.StartAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var background = await before.OtherShareAsync([], cancellationToken);
        log($"other load before the run: {background:P0} of all cores{(background > QuietShare ? " — the machine is not quiet; expect noisy figures" : string.Empty)}");
        var others = await OtherLoadMeter.StartAsync(cancellationToken);
        using var workspace = BenchWorkspace.Create(options.WorkParent);
        log($"scratch folder {workspace.Root}; generating {options.FileBytes} random bytes");
        var sha = await TestFile.GenerateAsync(workspace.SourceFile, options.FileBytes, cancellationToken);

        log($"starting the silo ({options.SiloDll})");
        await using var silo = await SiloHost.StartAsync(options.SiloDll, workspace.DataFolder, workspace.SiloLog, options.FileBytes * 2, cancellationToken);
        using var http = new HttpClient { BaseAddress = silo.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
        var api = new HubApi(http, silo.Token);
        await api.CreateModelAsync(BigModel, cancellationToken);
        var version = await api.CreateDraftAsync(BigModel, IngestBench.FileName, options.FileBytes, sha, cancellationToken);
        var siloServer = new BenchServer(SiloName, api.FileUri(BigModel, version, IngestBench.FileName), silo.Token, () => [silo.ProcessId]);

        // The first upload also warms the ingest path up (JIT, pools); it is not timed.
        var first = await CurlUpload.RunAsync(siloServer, siloServer.FileUri, workspace.SourceFile, cancellationToken);
        log($"uploaded the file: {first.Outcome} in {first.Seconds:F2} s (warm-up, untimed)");
        await api.PublishAsync(BigModel, version, cancellationToken);

        var stored = Path.Combine(workspace.DataFolder, "blobs", "sha256", sha[..2], sha);
        if (!File.Exists(stored))
        {
            throw new FileNotFoundException($"the silo did not store the content at {stored}");
        }

        log("starting nginx on the stored blob");
        await using var nginx = await NginxServer.StartAsync(workspace.NginxFolder, stored, cancellationToken);
        var nginxServer = new BenchServer(NginxName, nginx.FileUri, null, nginx.Pids);
        BenchServer[] servers = [nginxServer, siloServer];

        var digests = new Dictionary<string, bool>();
        foreach (var server in servers)
        {
            digests[server.Name] = await RangeCheck.FullDigestAsync(server, cancellationToken) == sha;
        }

        var ranges = await RangeCheck.RunAsync(servers, workspace.SourceFile, options.FileBytes, cancellationToken);
        log($"range checks: {ranges.Count(r => r.Passed)}/{ranges.Count} passed; whole bodies equal: {string.Join(", ", digests.Select(d => $"{d.Key} {d.Value}"))}");

        var downloads = await DownloadBench.RunAsync(servers, options.FileBytes, options.Rounds, log, cancellationToken);

        // Only now may the generated file change: the Range checks compared against it.
        var ingest = await IngestBench.RunAsync(api, siloServer, workspace.SourceFile, workspace.Root, options.FileBytes, options.Rounds, log, cancellationToken);
        var peak = ProcessCpu.PeakResidentBytes(silo.ProcessId);
        var otherShare = await others.OtherShareAsync([silo.ProcessId, .. nginx.Pids()], cancellationToken);
        log($"measurements done (CPU not charged to the benchmark's processes: {otherShare:P0} of all cores); stopping servers and deleting files");
        return new HubReport(options, machine, started, new LoadShares(background, otherShare), clock.Elapsed, downloads, ranges, digests, ingest, peak);
    }
}
