namespace ModelGrid.Evaluations;

/// <summary>
/// The workers of the grid (one grain, key 0): each worker heartbeats its capabilities every third of a lease and
/// counts as connected until a lease's length has passed without one. Whether a worker with a GPU has ever joined
/// is kept across restarts, so a submission can tell "waits until one joins" from "would wait forever".
/// </summary>
[Alias("grid.IWorkerRegistryGrain")]
public interface IWorkerRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Says that <paramref name="worker"/> is connected now, with these capabilities.</summary>
    /// <param name="worker">The worker.</param>
    [Alias("Heartbeat")] Task Heartbeat(WorkerCapabilities worker);

    /// <summary>Says that the worker stops; it no longer counts as connected.</summary>
    /// <param name="workerId">The worker's id.</param>
    [Alias("Leave")] Task Leave(string workerId);

    /// <summary>How many workers are connected now, how many of them have a GPU, and whether one with a GPU ever joined.</summary>
    [Alias("Census")] Task<WorkerCensus> Census();
}
