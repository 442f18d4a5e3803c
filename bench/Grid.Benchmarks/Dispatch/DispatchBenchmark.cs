using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ModelGrid.Testing;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// One run: the cells in order (a warm-up per store first), each on a fresh silo and fresh storage, then the report.
/// Silos, Azurite and the scratch folder are removed whatever happens, also on Ctrl+C or SIGTERM.
/// </summary>
public static class DispatchBenchmark
{
    public static async Task<int> RunAsync(DispatchBenchOptions options, CancellationToken cancellationToken)
    {
        using var run = new BenchRun(cancellationToken);
        var (cancel, clock) = (run.Cancellation, run.Clock);
        void Log(string line) => run.Log(line);

        if (options.MinThreads > 0)
        {
            ThreadPool.GetMinThreads(out _, out var io);
            ThreadPool.SetMinThreads(options.MinThreads, io);
        }

        var scratch = Directory.CreateDirectory(Path.Combine(options.WorkParent, $"grid-dispatch-{Guid.NewGuid():N}"));
        try
        {
            var report = await MeasureAsync(options, scratch.FullName, clock, Log, cancel.Token);
            return await BenchReports.PublishAsync(
                options.OutputFolder, "dispatch", report.Started, DispatchMarkdown.Render(report), report.ChecksPassed, "a cell did not run every job exactly once (see the report)", Log);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted; silos and servers stopped, scratch files deleted");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or OrleansException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<DispatchBenchReport> MeasureAsync(
        DispatchBenchOptions options, string scratch, Stopwatch clock, Action<string> log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var machine = await HostInfo.CollectAsync(cancellationToken);
        var versions = await VersionsAsync(options, cancellationToken);
        var before = await OtherLoadMeter.StartAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var background = await before.OtherShareAsync([], cancellationToken);
        log($"other load before the run: {background:P0} of all cores; {versions}");
        var during = await OtherLoadMeter.StartAsync(cancellationToken);

        var results = new List<DispatchCellResult>();
        foreach (var cell in options.Cells())
        {
            log($"{(cell.Warmup ? "warm-up, " : "")}{cell.Store}: {cell.Jobs} jobs, {cell.Loops} loops");
            var result = await DispatchCellRunner.RunAsync(cell, options, scratch, log, cancellationToken);
            if (!cell.Warmup)
            {
                results.Add(result);
            }
        }

        // Azurite has exited and been reaped by now, so its CPU time counts as this process's children's.
        var otherShare = await during.OtherShareAsync([], cancellationToken);
        return new DispatchBenchReport(options, machine, versions, started, clock.Elapsed, background, otherShare, results);
    }

    private static Task<string> VersionsAsync(DispatchBenchOptions options, CancellationToken cancellationToken) =>
        VersionsAsync(options.AzuriteCap > 0 || options.AzuriteFullJobs > 0, cancellationToken);

    /// <summary>Orleans' version, and Node's and Azurite's when <paramref name="azurite"/> (installing it if needed).</summary>
    internal static async Task<string> VersionsAsync(bool azurite, CancellationToken cancellationToken)
    {
        var orleans = typeof(ISiloBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split([' ', '+'])[0].TrimEnd('.') ?? "?";
        var text = $"Orleans {orleans}";
        if (!azurite)
        {
            return text;
        }

        var node = await ExternalCommand.RunAsync("node", ["--version"], cancellationToken);
        await NpmTools.EnsureInstalledAsync("azurite", Path.Combine("dist", "src", "azurite.js"));
        var package = Path.Combine(TestPaths.RepositoryRoot, "node_modules", "azurite", "package.json");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(package, cancellationToken));
        var version = json.RootElement.GetProperty("version").GetString();
        return $"{text}; Node {node.Stdout.Trim()}; Azurite {version} (in memory, `--skipApiVersionCheck`, one `node` process)";
    }
}
