using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// The workers connected now, in memory (heartbeats refill it within a third of a lease after the grain moves), and
/// whether a GPU worker ever joined, persisted once when the first one does.
/// </summary>
[GrainType("worker-registry")]
public sealed class WorkerRegistryGrain(
    [PersistentState("workers", StorageNames.GrainStorage)] IPersistentState<WorkerRegistryState> state,
    IOptions<JobOptions> options,
    TimeProvider time) : Grain, IWorkerRegistryGrain
{
    private readonly Dictionary<string, (WorkerCapabilities Worker, DateTimeOffset SeenAt)> _workers = new(StringComparer.Ordinal);

    async Task IWorkerRegistryGrain.Heartbeat(WorkerCapabilities worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var now = time.GetUtcNow();
        _workers[worker.WorkerId] = (worker, now);
        if (worker.Gpu && state.State.FirstGpuJoinedAt is null)
        {
            state.State.FirstGpuJoinedAt = now;
            state.State.FirstGpuWorker = worker.WorkerId;
            await state.WriteStateAsync();
        }
    }

    Task IWorkerRegistryGrain.Leave(string workerId)
    {
        _workers.Remove(workerId);
        return Task.CompletedTask;
    }

    Task<WorkerCensus> IWorkerRegistryGrain.Census()
    {
        var since = time.GetUtcNow() - options.Value.Lease;
        foreach (var gone in _workers.Where(w => w.Value.SeenAt <= since).Select(w => w.Key).ToList())
        {
            _workers.Remove(gone);
        }

        return Task.FromResult(new WorkerCensus(_workers.Count, _workers.Values.Count(w => w.Worker.Gpu), state.State.FirstGpuJoinedAt is not null));
    }
}
