using System.Diagnostics;
using ModelGrid.Benchmarks.Dispatch;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>One simulation run: the silos started once, the cells in order on them, then the report; the silos and the scratch folder go whatever happens.</summary>
public static class SimulationBenchmark
{
    public static async Task<int> RunAsync(SimulationOptions options, CancellationToken cancellationToken)
    {
        using var run = new BenchRun(cancellationToken);
        void Log(string line) => run.Log(line);
        var scratch = Directory.CreateDirectory(Path.Combine(options.WorkParent, $"grid-simulation-{Guid.NewGuid():N}"));
        try
        {
            var report = await MeasureAsync(options, scratch.FullName, run.Clock, Log, run.Cancellation.Token);
            return await BenchReports.PublishAsync(
                options.OutputFolder, "dispatch-simulation", report.Started, SimulationMarkdown.Render(report), report.ChecksPassed, "a cell did not run every job exactly once (see the report)", Log);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted; silos stopped, scratch files deleted");
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

    private static async Task<SimulationReport> MeasureAsync(SimulationOptions options, string scratch, Stopwatch clock, Action<string> log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var machine = await HostInfo.CollectAsync(cancellationToken);
        var versions = await DispatchBenchmark.VersionsAsync(azurite: false, cancellationToken);
        var before = await OtherLoadMeter.StartAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var background = await before.OtherShareAsync([], cancellationToken);
        var loadAverage = (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ')[0];
        log($"other load before the run: {background:P0} of all cores, load average {loadAverage}; starting {options.Silos} silos");
        var during = await OtherLoadMeter.StartAsync(cancellationToken);

        var results = new List<SimulationCellResult>();
        var starting = Stopwatch.StartNew();
        double startSeconds;
        await using (var cluster = await SimulatedCluster.StartAsync(options.Silos, scratch, log, cancellationToken))
        {
            startSeconds = starting.Elapsed.TotalSeconds;
            var runner = new SimulationCellRunner(options, cluster, log);
            foreach (var cell in options.Cells())
            {
                log($"{(cell.Warmup ? "warm-up: " : "")}{cell.Jobs} jobs, {cell.Loops} loops, {cell.Partitions} partitions");
                var result = await runner.RunAsync(cell, cancellationToken);
                if (!cell.Warmup)
                {
                    results.Add(result);
                }
            }
        }

        var otherShare = await during.OtherShareAsync([], cancellationToken);
        var loadAfter = (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ')[0];
        return new SimulationReport(options, machine, versions, started, clock.Elapsed, startSeconds, background, otherShare, $"{loadAverage} at the start, {loadAfter} at the end", results);
    }
}
