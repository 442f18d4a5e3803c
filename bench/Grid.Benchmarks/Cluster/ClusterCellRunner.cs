using System.Diagnostics;
using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Evaluations;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// Runs one cluster cell: every job submitted through the API silo in this process, then the worker service started
/// on one or both worker silo processes and timed until the last result is accepted; then every silo's observations
/// are collected and checked (each job run once, all accepted, nothing left queued).
/// </summary>
internal sealed class ClusterCellRunner(
    ClusterDispatchOptions options, DispatchSilo api, SiloProbe apiProbe, IReadOnlyList<WorkerProcess> workers, Action<string> log)
{
    private int _submitted;

    public async Task<ClusterCellResult> RunAsync(ClusterCell cell, CancellationToken cancellationToken)
    {
        var window = Stopwatch.StartNew();
        var leasing = cell.Workers == 1 ? [workers[cell.FirstWorker % workers.Count]] : workers.Take(cell.Workers).ToList();
        apiProbe.Take();
        await Task.WhenAll(workers.Select(w => w.ResetAsync(cancellationToken)));

        var first = _submitted;
        _submitted += cell.Jobs;
        var submitting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(first, cell.Jobs),
            new ParallelOptions { MaxDegreeOfParallelism = options.SubmitConcurrency, CancellationToken = cancellationToken },
            async (i, _) => await api.Submitter.SubmitAsync(BenchJobs.Spec(i)));
        var submitSeconds = submitting.Elapsed.TotalSeconds;
        log($"  submitted {cell.Jobs} jobs in {submitSeconds:F1} s ({cell.Jobs / submitSeconds:F0}/s)");

        var counter = new CompletionCounter(cell.Jobs);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(leasing.Select(w => w.StartDrainAsync(cell.Hold, counter, cancellationToken)));
        long finished;
        using (new Timer(_ => log($"  … {counter.Count} of {cell.Jobs} completed"), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)))
        {
            var timeout = TimeSpan.FromMinutes(2) + (cell.Jobs * (cell.Hold + TimeSpan.FromMilliseconds(100)));
            var completed = counter.AllCompleted.WaitAsync(timeout, cancellationToken);
            if (await Task.WhenAny(workers.Select(w => w.Exited).Prepend(completed)) != completed)
            {
                var gone = workers.First(w => w.Exited.IsCompleted);
                throw new InvalidOperationException($"worker silo {gone.Name} exited during the drain: {gone.Errors()}");
            }

            finished = await completed;
        }

        var drainSeconds = Stopwatch.GetElapsedTime(started, finished).TotalSeconds;
        var reports = await Task.WhenAll(leasing.Select(w => w.StopDrainAsync(cancellationToken)));
        var idle = await Task.WhenAll(workers.Except(leasing).Select(w => w.StopDrainAsync(cancellationToken)));
        var all = reports.Concat(idle).Append(apiProbe.Take()).ToList();
        var windowSeconds = window.Elapsed.TotalSeconds;
        var counts = await Task.WhenAll(JobPartitions.All(HardwareClasses.Cpu, options.Partitions).Select(p => api.Grains.GetGrain<IJobQueueGrain>(p).Count()));

        var executed = reports.SelectMany(r => r.Executed).GroupBy(id => id).ToList();
        var calls = all.SelectMany(r => r.Calls)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Distribution.Of(g.SelectMany(c => c.Value)), StringComparer.Ordinal);
        var reminders = all.SelectMany(r => r.ReminderOps)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);
        var membership = all.SelectMany(r => r.MembershipOps)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value) * 60 / windowSeconds / all.Count, StringComparer.Ordinal);
        var result = new ClusterCellResult(
            cell,
            submitSeconds,
            drainSeconds,
            counter.Count,
            executed.Count,
            executed.Count(g => g.Count() > 1),
            counts.Sum(c => c.Queued),
            [.. reports.Select(r => r.Executed.Length)],
            Distribution.Of(reports.SelectMany(r => r.GrantToStartMs)),
            calls,
            reminders,
            membership);
        log($"  drained in {drainSeconds:F1} s: {result.JobsPerMinute:F0} jobs/min, lease-to-start p50 {result.GrantToStart.P50:F2} ms, p99 {result.GrantToStart.P99:F2} ms, per worker {string.Join('/', result.PerWorker)}");
        return result;
    }
}
