using System.Diagnostics;
using ModelGrid.Evaluations;
using ModelGrid.Silo.Worker;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>The worker's executor for the benchmark: notes when it starts and returns a result reference at once.</summary>
internal sealed class NoOpJobExecutor(DispatchProbe probe, TimeProvider time) : IJobExecutor
{
    public Task<string> ExecuteAsync(JobLease lease, IJobLog log, CancellationToken cancellationToken)
    {
        probe.ExecutorStarted(lease, time.GetUtcNow(), Stopwatch.GetTimestamp());
        return Task.FromResult($"results/dispatch-bench/{lease.JobId:N}.json");
    }
}
