namespace ModelGrid.Silo.Worker;

/// <summary>
/// How a worker's run of one attempt ended: the <c>outcome</c> label of <c>grid.jobs.duration</c>. A run that succeeded
/// counts as succeeded even when the job grain then refuses its result (its lease had moved on).
/// </summary>
public static class JobOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The lease expired or the job was cancelled while it ran; nothing was recorded.</summary>
    public const string Lost = "lost";

    /// <summary>The worker shut down during the run; the lease expires and the job runs again.</summary>
    public const string Stopped = "stopped";
}
