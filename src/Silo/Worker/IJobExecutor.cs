using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Runs one attempt of a job on this worker, off the Orleans scheduler, and returns the blob name of the result it
/// wrote. An exception fails the job with its message; the token is cancelled when the lease is lost or the silo stops.
/// </summary>
public interface IJobExecutor
{
    /// <summary>Runs the leased job.</summary>
    /// <param name="lease">The lease: job id, attempt and spec.</param>
    /// <param name="log">The job's log.</param>
    /// <param name="cancellationToken">Cancelled when the lease is lost or the worker stops.</param>
    Task<string> ExecuteAsync(JobLease lease, IJobLog log, CancellationToken cancellationToken);

    /// <summary>
    /// Called once the job grain accepted the result of <paramref name="lease"/> (the current attempt): the place to
    /// record it where others see it. Failures are logged; the job stays succeeded.
    /// </summary>
    /// <param name="lease">The lease whose result was accepted.</param>
    /// <param name="resultRef">The result reference the executor returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task OnCompletedAsync(JobLease lease, string resultRef, CancellationToken cancellationToken) => Task.CompletedTask;
}
