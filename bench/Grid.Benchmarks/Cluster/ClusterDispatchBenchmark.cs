using System.Diagnostics;
using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Testing;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// One cluster run: a fresh Azurite, the API silo in this process, two worker silo processes, the cells in order,
/// then the report. The processes and Azurite are stopped whatever happens, also on Ctrl+C or SIGTERM.
/// </summary>
public static class ClusterDispatchBenchmark
{
    private static readonly TimeSpan SiloStart = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(ClusterDispatchOptions options, CancellationToken cancellationToken)
    {
        using var run = new BenchRun(cancellationToken);
        void Log(string line) => run.Log(line);
        try
        {
            var report = await MeasureAsync(options, run.Clock, Log, run.Cancellation.Token);
            return await BenchReports.PublishAsync(
                options.OutputFolder, "cluster-dispatch", report.Started, ClusterDispatchMarkdown.Render(report), report.ChecksPassed, "a cell did not run every job exactly once (see the report)", Log);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted; silos and servers stopped");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or OrleansException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<ClusterDispatchReport> MeasureAsync(ClusterDispatchOptions options, Stopwatch clock, Action<string> log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var machine = await HostInfo.CollectAsync(cancellationToken);
        var versions = await DispatchBenchmark.VersionsAsync(azurite: true, cancellationToken);
        var before = await OtherLoadMeter.StartAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var background = await before.OtherShareAsync([], cancellationToken);
        var loadAverage = (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ')[0];
        log($"other load before the run: {background:P0} of all cores, load average {loadAverage}; {versions}");
        var during = await OtherLoadMeter.StartAsync(cancellationToken);

        var results = new List<ClusterCellResult>();
        var azurite = await AzuriteServer.StartAsync();
        try
        {
            var clusterId = $"bench-{Guid.NewGuid():N}"[..20];
            var apiProbe = new SiloProbe(new JobOptions().Lease);
            await using var api = await DispatchSilo.StartAsync(
                ClusterSilos.Setup(azurite.ConnectionString, clusterId, options.Partitions, 1, "api", apiProbe, new TimedJobExecutor(apiProbe, TimeProvider.System)),
                cancellationToken);
            log("API silo started; starting two worker silo processes");
            var starting = Enumerable.Range(1, 2)
                .Select(i => WorkerProcess.StartAsync($"worker-{i}", azurite.ConnectionString, clusterId, options.Partitions, options.Slots, SiloStart, cancellationToken))
                .ToList();
            var workers = new List<WorkerProcess>();
            try
            {
                foreach (var worker in starting)
                {
                    workers.Add(await worker);
                }

                log($"worker silos joined (pids {string.Join(", ", workers.Select(w => w.Id))})");
                var runner = new ClusterCellRunner(options, api, apiProbe, workers, log);
                foreach (var cell in options.Cells())
                {
                    log($"{(cell.Warmup ? "warm-up" : $"round {cell.Round}")}: {cell.Suite}, {cell.Jobs} jobs, {cell.Workers} worker silo(s) × {options.Slots} loops");
                    var result = await runner.RunAsync(cell, cancellationToken);
                    if (!cell.Warmup)
                    {
                        results.Add(result);
                    }
                }
            }
            finally
            {
                // Also the ones still starting when another failed.
                foreach (var worker in starting)
                {
                    if (worker.IsCompletedSuccessfully)
                    {
                        await worker.Result.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        // Every child has exited and been reaped by now, so their CPU time counts as this process's.
        var otherShare = await during.OtherShareAsync([], cancellationToken);
        var loadAfter = (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ')[0];
        return new ClusterDispatchReport(options, machine, versions, started, clock.Elapsed, background, otherShare, $"{loadAverage} at the start, {loadAfter} at the end", results);
    }
}
