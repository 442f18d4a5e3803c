using System.Diagnostics;
using ModelGrid.Evaluations;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// Times every call to the grid's grains made inside the silo (by the submitter, the worker and grains calling grains) and notes
/// when a worker loop receives a lease from a queue partition and when a job grain accepts a result.
/// </summary>
internal sealed class GrainCallTimer(IDispatchObserver probe) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await context.Invoke();
            failed = false;
        }
        finally
        {
            Record(context, start, Stopwatch.GetTimestamp(), failed);
        }
    }

    private void Record(IOutgoingGrainCallContext context, long start, long end, bool failed)
    {
        var method = context.InterfaceMethod;
        if (method.DeclaringType?.Namespace?.StartsWith("ModelGrid", StringComparison.Ordinal) != true)
        {
            // Orleans' own calls (membership and the like) are not dispatch.
            return;
        }

        if (failed)
        {
            // Counted too: a refusal (the bench's jobs' versions are never published) is a call each job pays for.
            probe.CallFinished($"{method.DeclaringType.Name}.{method.Name} (failed)", Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
            return;
        }

        var lease = context.Result as JobLease;
        if (lease is not null && method.DeclaringType == typeof(IJobQueueGrain))
        {
            probe.LeaseReceived(lease.JobId, end);
        }

        // The job grain has accepted the result (and delivered its follow-ups) once the worker's Complete call returns.
        if (method.DeclaringType == typeof(IEvaluationJobGrain) && method.Name == nameof(IEvaluationJobGrain.Complete))
        {
            probe.JobCompleted();
        }

        var outcome = method.Name == nameof(IJobQueueGrain.TryLease) ? (lease is null ? " (none)" : " (granted)") : "";
        probe.CallFinished($"{method.DeclaringType.Name}.{method.Name}{outcome}", Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
    }
}
