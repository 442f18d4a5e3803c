using System.Collections.Concurrent;
using System.Diagnostics;
using ModelGrid.Evaluations;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// What one cell observes inside the silo: when each lease was granted (the job grain's clock, read back from the
/// lease's expiry), when the worker received it (the grain call returning to the worker's loop), when the executor
/// started, every completion, and the duration of every grain call by interface and method.
/// </summary>
internal sealed class DispatchProbe(int jobs, TimeSpan leaseLength) : IDispatchObserver
{
    private readonly double[] _grantToStartMs = new double[jobs];
    private readonly double[] _receiptToStartMs = new double[jobs];
    private readonly ConcurrentDictionary<Guid, long> _receipts = new();
    private readonly ConcurrentDictionary<Guid, int> _executions = new();
    private readonly ConcurrentDictionary<string, CallStats> _calls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<long> _allCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private int _completed;

    public int Jobs => jobs;

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp of the last completion once every job completed.</summary>
    public Task<long> AllCompleted => _allCompleted.Task;

    public int Started => Volatile.Read(ref _started);

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Jobs whose executor started more than once.</summary>
    public int RunTwice => _executions.Count(e => e.Value > 1);

    public int DistinctJobsRun => _executions.Count;

    public IReadOnlyList<double> GrantToStartMs => _grantToStartMs.AsSpan(0, Math.Min(Started, jobs)).ToArray();

    public IReadOnlyList<double> ReceiptToStartMs => _receiptToStartMs.AsSpan(0, Math.Min(Started, jobs)).ToArray();

    public IReadOnlyDictionary<string, double[]> Calls => _calls.ToDictionary(c => c.Key, c => c.Value.Snapshot(), StringComparer.Ordinal);

    public void CallFinished(string name, double milliseconds) =>
        _calls.GetOrAdd(name, static _ => new CallStats()).Add(milliseconds);

    public void LeaseReceived(Guid jobId, long timestamp) => _receipts[jobId] = timestamp;

    public void ExecutorStarted(JobLease lease, DateTimeOffset now, long timestamp)
    {
        _executions.AddOrUpdate(lease.JobId, 1, static (_, n) => n + 1);
        var slot = Interlocked.Increment(ref _started) - 1;
        if (slot >= jobs)
        {
            return;
        }

        // The job grain sets the expiry to its clock's now + the lease length as it grants the lease.
        _grantToStartMs[slot] = (now - (lease.ExpiresAt - leaseLength)).TotalMilliseconds;
        _receiptToStartMs[slot] = _receipts.TryRemove(lease.JobId, out var received)
            ? Stopwatch.GetElapsedTime(received, timestamp).TotalMilliseconds
            : double.NaN;
    }

    public void JobCompleted()
    {
        if (Interlocked.Increment(ref _completed) == jobs)
        {
            _allCompleted.TrySetResult(Stopwatch.GetTimestamp());
        }
    }
}
