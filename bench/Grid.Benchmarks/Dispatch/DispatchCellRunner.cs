using System.Diagnostics;
using System.Globalization;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Storage;
using ModelGrid.Testing;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// Runs one cell from empty storage: a fresh data folder or a fresh Azurite, a fresh silo, every job submitted, then
/// the worker started and timed until the last result is accepted; the silo, the server and the files go at the end.
/// </summary>
internal static class DispatchCellRunner
{
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(new JobOptions().LeaseSeconds);

    public static async Task<DispatchCellResult> RunAsync(DispatchCell cell, DispatchBenchOptions options, string scratch, Action<string> log, CancellationToken cancellationToken)
    {
        AzuriteServer? azurite = null;
        var data = Path.Combine(scratch, $"data-{Guid.NewGuid():N}");
        try
        {
            StorageOptions storage;
            if (cell.Store == DispatchStore.Azurite)
            {
                azurite = await AzuriteServer.StartAsync();
                storage = new StorageOptions { Provider = StorageNames.AzureProvider, ConnectionString = azurite.ConnectionString };
            }
            else
            {
                storage = new StorageOptions { Provider = StorageNames.FileSystemProvider, Path = data, Durable = true };
            }

            var probe = new DispatchProbe(cell.Jobs, LeaseLength);
            await using var silo = await DispatchSilo.StartAsync(storage, options.Partitions, cell.Loops, probe, cancellationToken);
            return await MeasureAsync(cell, options, silo, probe, log, cancellationToken);
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<DispatchCellResult> MeasureAsync(
        DispatchCell cell, DispatchBenchOptions options, DispatchSilo silo, DispatchProbe probe, Action<string> log, CancellationToken cancellationToken)
    {
        var submitter = silo.Submitter;
        var latencies = new double[cell.Jobs];
        var deduplicated = 0;
        var gen2 = GC.CollectionCount(2);
        var (cpu, server) = CpuNow();
        var submitPool = new ThreadPoolSampler();
        var submitting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cell.Jobs),
            new ParallelOptions { MaxDegreeOfParallelism = options.SubmitConcurrency, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var start = Stopwatch.GetTimestamp();
                var submission = await submitter.SubmitAsync(BenchJobs.Spec(i));
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (submission.Deduplicated)
                {
                    Interlocked.Increment(ref deduplicated);
                }
            });
        var submitSeconds = submitting.Elapsed.TotalSeconds;
        submitPool.Dispose();
        var (cpuSubmitted, serverSubmitted) = CpuNow();
        log($"  submitted {cell.Jobs} jobs in {submitSeconds:F1} s ({cell.Jobs / submitSeconds:F0}/s)");

        var drainPool = new ThreadPoolSampler();
        var started = Stopwatch.GetTimestamp();
        await silo.StartWorkerAsync(cancellationToken);
        long finished;
        using (drainPool)
        using (var progress = new Timer(_ => log($"  … {probe.Completed} of {cell.Jobs} completed"), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)))
        {
            finished = await probe.AllCompleted.WaitAsync(cancellationToken);
        }

        var drainSeconds = Stopwatch.GetElapsedTime(started, finished).TotalSeconds;
        var (cpuDrained, serverDrained) = CpuNow();
        var gen2After = GC.CollectionCount(2);
        await silo.StopWorkerAsync();

        var counts = await Task.WhenAll(JobPartitions.All(HardwareClasses.Cpu, options.Partitions).Select(p => silo.Grains.GetGrain<IJobQueueGrain>(p).Count()));
        var calls = probe.Calls.ToDictionary(c => c.Key, c => Distribution.Of(c.Value), StringComparer.Ordinal);
        var result = new DispatchCellResult(
            cell,
            submitSeconds,
            Distribution.Of(latencies),
            deduplicated,
            drainSeconds,
            Distribution.Of(probe.GrantToStartMs),
            Distribution.Of(probe.ReceiptToStartMs),
            calls.GetValueOrDefault($"{nameof(IJobQueueGrain)}.{nameof(IJobQueueGrain.TryLease)} (granted)", Distribution.Empty),
            probe.Completed,
            probe.DistinctJobsRun,
            probe.RunTwice,
            counts.Sum(c => c.Queued),
            counts.Sum(c => c.InFlight),
            cpuSubmitted - cpu,
            cpuDrained - cpuSubmitted,
            serverSubmitted - server,
            serverDrained - serverSubmitted,
            gen2After - gen2,
            submitPool.Load,
            drainPool.Load,
            calls);
        log($"  drained in {drainSeconds:F1} s: {result.JobsPerSecond:F0} jobs/s, lease-to-start p50 {result.GrantToStart.P50:F2} ms, p99 {result.GrantToStart.P99:F2} ms");
        return result;
    }

    /// <summary>CPU seconds so far of this process and of the Azurite server it started (its <c>node</c> child), if any.</summary>
    private static (double Own, double Server) CpuNow()
    {
        var self = Environment.ProcessId;
        return (ProcessCpu.Seconds(self), ProcessCpu.Seconds(NodeChildren(self)));
    }

    /// <summary>
    /// The <c>node</c> processes whose parent is <paramref name="parent"/>. Scans <c>/proc</c>: a child started from a
    /// pool thread is listed under that thread's <c>task/&lt;tid&gt;/children</c>, not the main thread's.
    /// </summary>
    private static List<int> NodeChildren(int parent)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "comm")).Trim() == "node" && ProcessCpu.ParentId(pid) == parent)
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
        }

        return found;
    }
}
