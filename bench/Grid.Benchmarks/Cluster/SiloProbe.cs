using System.Diagnostics;
using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Evaluations;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// What one silo of a cluster cell observes: when each job's executor started relative to its lease's grant, which
/// jobs it ran, every call to the grid's grains by interface and method, and its reminder-table operations. A
/// completion is passed on at once (with its <see cref="Stopwatch"/> timestamp, which on Linux is one clock for every
/// process of the host); the rest is taken at the end of the cell.
/// </summary>
internal sealed class SiloProbe(TimeSpan leaseLength, Action<long>? completed = null) : IDispatchObserver
{
    private readonly Lock _gate = new();
    private readonly List<double> _grantToStartMs = [];
    private readonly List<Guid> _executed = [];
    private readonly Dictionary<string, List<double>> _calls = new(StringComparer.Ordinal);

    public TableOps Reminders { get; } = new();

    public TableOps Membership { get; } = new();

    public void ExecutorStarted(JobLease lease, DateTimeOffset now)
    {
        // The job grain sets the expiry to its clock's now + the lease length as it grants the lease.
        var ms = (now - (lease.ExpiresAt - leaseLength)).TotalMilliseconds;
        lock (_gate)
        {
            _grantToStartMs.Add(ms);
            _executed.Add(lease.JobId);
        }
    }

    public void LeaseReceived(Guid jobId, long timestamp)
    {
        // Only the grant's time is compared here: the lease's receipt is measured by the one-silo benchmark.
    }

    public void JobCompleted() => completed?.Invoke(Stopwatch.GetTimestamp());

    public void CallFinished(string name, double milliseconds)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(name, out var list))
            {
                _calls[name] = list = [];
            }

            list.Add(milliseconds);
        }
    }

    /// <summary>Everything observed since the last call, which starts again from nothing.</summary>
    public SiloReport Take()
    {
        lock (_gate)
        {
            var report = new SiloReport(
                [.. _grantToStartMs],
                [.. _executed],
                _calls.ToDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.Ordinal),
                Reminders.Take(),
                Membership.Take());
            _grantToStartMs.Clear();
            _executed.Clear();
            _calls.Clear();
            return report;
        }
    }
}
