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
}
