using System.Collections.Concurrent;
using ModelGrid.Evaluations;
using ModelGrid.Silo.Worker;

namespace ModelGrid.Silo.Tests.Worker;

/// <summary>An executor that records every lease it is given and does, per job, what the test scripted.</summary>
public sealed class ScriptedExecutor : IJobExecutor
{
    private readonly ConcurrentDictionary<string, Func<JobLease, IJobLog, CancellationToken, Task<string>>> _scripts = new();

    public ConcurrentQueue<JobLease> Calls { get; } = new();

    /// <summary>What to do for the job of revision <paramref name="revisionId"/>; an unscripted job fails loudly.</summary>
    public void On(string revisionId, Func<JobLease, IJobLog, CancellationToken, Task<string>> script) => _scripts[revisionId] = script;

    public Task<string> ExecuteAsync(JobLease lease, IJobLog log, CancellationToken cancellationToken)
    {
        Calls.Enqueue(lease);
        return _scripts.TryGetValue(lease.Spec.RevisionId, out var script)
            ? script(lease, log, cancellationToken)
            : throw new InvalidOperationException($"no script for job {lease.JobId}");
    }
}
