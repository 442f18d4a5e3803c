using System.Diagnostics;
using ModelGrid.Benchmarks.Cluster;
using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Evaluations;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>
/// Runs one simulation cell on the running cluster: every job submitted through the silos' submitters in turn, then
/// the workers started with the cell's loops spread over the silos and timed until the last result is accepted; then
/// the empty queue polled for a while, the workers stopped and the partitions checked.
/// </summary>
internal sealed class SimulationCellRunner(SimulationOptions options, SimulatedCluster cluster, Action<string> log)
{
    private const string LeaseGranted = "IJobQueueGrain.TryLease (granted)";
    private int _submitted;

    public async Task<SimulationCellResult> RunAsync(SimulationCell cell, CancellationToken cancellationToken)
    {
        var silos = cluster.Silos;
        cluster.SetPartitions(cell.Partitions);
        cluster.Probe.Take();
        cluster.Storage.TakeWrites();

        var first = _submitted;
        _submitted += cell.Jobs;
        var submitting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(first, cell.Jobs),
            new ParallelOptions { MaxDegreeOfParallelism = options.SubmitConcurrency, CancellationToken = cancellationToken },
            async (i, _) => await silos[i % silos.Count].Submitter.SubmitAsync(BenchJobs.Spec(i)));
        var submitSeconds = submitting.Elapsed.TotalSeconds;
        log($"  submitted {cell.Jobs} jobs in {submitSeconds:F1} s ({cell.Jobs / submitSeconds:F0}/s)");

        var counter = new CompletionCounter(cell.Jobs);
        cluster.Counter = counter;
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, silos.Count).Select(i => (cell.Loops / silos.Count) + (i < cell.Loops % silos.Count ? 1 : 0)).ToArray();
        await Task.WhenAll(silos.Select((silo, i) => loops[i] > 0 ? silo.StartWorkerAsync(cancellationToken, loops[i]) : Task.CompletedTask));
        long finished;
        using (new Timer(_ => log($"  … {counter.Count} of {cell.Jobs} completed"), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)))
        {
            finished = await counter.AllCompleted.WaitAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(cell.Jobs * 20.0), cancellationToken);
        }

        var drainSeconds = Stopwatch.GetElapsedTime(started, finished).TotalSeconds;
        var busy = cluster.Probe.Take();
        var writes = cluster.Storage.TakeWrites();
        // The loops' pauses double up to the longest (a second by default) before idle polling settles; only then is it counted.
        await Task.Delay(options.IdleSettle, cancellationToken);
        cluster.Probe.Take();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
        var idle = cluster.Probe.Take();
        await Task.WhenAll(silos.Select(s => s.StopWorkerAsync()));
        cluster.Counter = null;
        var counts = await Task.WhenAll(JobPartitions.All(HardwareClasses.Cpu, cell.Partitions).Select(p => silos[0].Grains.GetGrain<IJobQueueGrain>(p).Count()));

        var executed = busy.Executed.GroupBy(id => id).ToList();
        var calls = busy.Calls.ToDictionary(c => c.Key, c => Distribution.Of(c.Value), StringComparer.Ordinal);
        var result = new SimulationCellResult(
            cell,
            submitSeconds,
            drainSeconds,
            counter.Count,
            executed.Count,
            executed.Count(g => g.Count() > 1),
            counts.Sum(c => c.Queued),
            calls.GetValueOrDefault(LeaseGranted, Distribution.Empty),
            Distribution.Of(busy.GrantToStartMs),
            calls,
            writes,
            busy.ReminderOps,
            idle.Calls.Where(c => c.Key.StartsWith("IJobQueueGrain.TryLease", StringComparison.Ordinal)).Sum(c => c.Value.Length),
            options.IdleSeconds);
        log($"  drained in {drainSeconds:F1} s: {result.JobsPerSecond:F0} jobs/s, lease call p50 {result.LeaseCall.P50:F2} ms, p99 {result.LeaseCall.P99:F2} ms, {result.CallsPerJob:F1} grain calls per job, idle {result.IdleCallsPerLoopSecond:F1} polls/loop/s");
        return result;
    }
}
