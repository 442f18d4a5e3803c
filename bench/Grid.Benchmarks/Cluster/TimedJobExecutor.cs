using ModelGrid.Evaluations;
using ModelGrid.Silo.Worker;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// The worker's executor for a cluster cell: notes its start, then holds the worker's slot for
/// <see cref="Hold"/> without using the CPU — a stand-in for a run on an accelerator of the worker's own (two
/// workers on one host share its cores, so a CPU-bound stand-in could not show what a second machine adds) — or
/// returns at once when the hold is zero (no-op jobs). The hold is set per cell, before the worker starts.
/// </summary>
internal sealed class TimedJobExecutor(SiloProbe probe, TimeProvider time) : IJobExecutor
{
    public TimeSpan Hold { get; set; }

    public async Task<string> ExecuteAsync(JobLease lease, IJobLog log, CancellationToken cancellationToken)
    {
        probe.ExecutorStarted(lease, time.GetUtcNow());
        var hold = Hold;
        if (hold > TimeSpan.Zero)
        {
            await Task.Delay(hold, time, cancellationToken);
        }

        return $"results/dispatch-bench/{lease.JobId:N}.json";
    }
}
