namespace ModelGrid.Evaluations;

/// <summary>Where an evaluation job is in its life: <c>Queued → Leased → Succeeded | Failed | Cancelled</c>.</summary>
public enum JobStatus
{
    /// <summary>Waiting for a worker to lease it.</summary>
    Queued,

    /// <summary>A worker holds a lease on it and runs it.</summary>
    Leased,

    /// <summary>The current attempt recorded a result.</summary>
    Succeeded,

    /// <summary>The job failed (the worker reported an error, or its leases expired too often).</summary>
    Failed,

    /// <summary>Someone cancelled it before it finished.</summary>
    Cancelled,
}
