using System.Diagnostics;

namespace ModelGrid.Benchmarks.Fairness;

/// <summary>
/// One run: generate the rows, write them to a scratch file, one untimed grid pass, then alternating rounds of the
/// grid (in process) and the numpy cell-multinomial script (who goes first swaps each round), the naive numpy script
/// once, the checks, and the report. The scratch folder is removed whatever happens, also on Ctrl+C or SIGTERM.
/// </summary>
public static class FairnessBenchmark
{
    /// <summary>Repetitions inside each multinomial process: the first is cold (first touch of numpy's code paths), the last is timed.</summary>
    private const int NumpyRepeat = 2;

    public static async Task<int> RunAsync(FairnessBenchOptions options, CancellationToken cancellationToken)
    {
        using var run = new BenchRun(cancellationToken);
        var (cancel, clock) = (run.Cancellation, run.Clock);
        void Log(string line) => run.Log(line);

        var (numpy, problem) = await NumpyScripts.ProbeAsync(cancel.Token);
        if (numpy is null)
        {
            await Console.Error.WriteLineAsync($"error: {problem}");
            return 1;
        }

        var scratch = Directory.CreateDirectory(Path.Combine(options.WorkParent, $"grid-fairness-{Guid.NewGuid():N}"));
        try
        {
            var report = await MeasureAsync(options, numpy, Path.Combine(scratch.FullName, "rows.i8"), clock, Log, cancel.Token);
            return await BenchReports.PublishAsync(
                options.OutputFolder, "fairness", report.Started, FairnessMarkdown.Render(report), report.ChecksPassed, "a count, estimate or interval check failed (see the report)", Log);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted; scratch files deleted");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or KeyNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<FairnessBenchReport> MeasureAsync(
        FairnessBenchOptions options, string numpyVersion, string rowsFile, Stopwatch clock, Action<string> log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var machine = await HostInfo.CollectAsync(cancellationToken);
        var before = await OtherLoadMeter.StartAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var background = await before.OtherShareAsync([], cancellationToken);
        log($"other load before the run: {background:P0} of all cores; numpy {numpyVersion}");
        var during = await OtherLoadMeter.StartAsync(cancellationToken);

        var generating = Stopwatch.StartNew();
        var rows = SyntheticRows.Generate(options.Rows, options.Seed);
        var generateMs = generating.Elapsed.TotalMilliseconds;
        rows.WriteInt8(rowsFile);
        log($"{options.Rows} rows generated in {generateMs:F0} ms and written to {rowsFile}");

        var cold = GridFairnessRun.Measure(rows, options.Replicates, options.Seed);
        log($"grid, first pass (untimed): {cold.TotalMs:F1} ms");
        var grid = new List<GridFairnessRun>();
        var multinomial = new List<NumpyResult>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var gridFirst in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                if (gridFirst)
                {
                    grid.Add(GridFairnessRun.Measure(rows, options.Replicates, options.Seed));
                }
                else
                {
                    multinomial.Add(await NumpyScripts.RunMultinomialAsync(rowsFile, options.Rows, options.Replicates, options.Seed, NumpyRepeat, cancellationToken));
                }
            }

            log($"round {round + 1}: grid {grid[^1].TotalMs:F1} ms (count pass {grid[^1].CountMs:F1}, bootstrap {grid[^1].BootstrapMs:F1}); numpy multinomial {multinomial[^1].TotalMs:F1} ms (count pass {multinomial[^1].CountMs[^1]:F1}, bootstrap {multinomial[^1].BootstrapMs[^1]:F1})");
        }

        log($"numpy naive row resampling, B = {options.NaiveReplicates} (once)");
        var naive = await NumpyScripts.RunNaiveAsync(rowsFile, options.Rows, options.NaiveReplicates, options.Seed, cancellationToken);
        log($"numpy naive: {naive.TotalMs / 1000:F1} s");
        var otherShare = await during.OtherShareAsync([], cancellationToken);

        var last = grid[^1];
        var cells = Enumerable.Range(0, SyntheticRows.Levels.Count)
            .Select(g => last.Counts[g])
            .SelectMany(c => new[] { c.TrueNegatives, c.FalsePositives, c.FalseNegatives, c.TruePositives });
        var cellsEqual = multinomial.All(m => m.Cells is { } numpyCells && numpyCells.SequenceEqual(cells));
        return new FairnessBenchReport(
            options, machine, numpyVersion, started, clock.Elapsed, background, otherShare, generateMs, new FileInfo(rowsFile).Length,
            grid, cold, multinomial, naive, cellsEqual,
            MetricComparison.Compare(last.Intervals, multinomial[^1], options.Replicates),
            MetricComparison.Compare(last.Intervals, naive, options.NaiveReplicates));
    }
}
