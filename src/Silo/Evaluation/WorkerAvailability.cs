using ModelGrid.Evaluation.Suites;
using ModelGrid.Evaluations;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Evaluation;

/// <summary>
/// Whether the grid has the workers a job needs, from the <see cref="IWorkerRegistryGrain"/>: a GPU suite is refused
/// when no worker with a GPU ever joined (the job would wait forever), and a queued GPU job carries a warning while
/// none is connected.
/// </summary>
public sealed class WorkerAvailability(IGrainFactory grains)
{
    /// <summary>The warning on a queued GPU job while no worker with a GPU is connected.</summary>
    public const string NoGpuConnected = "no worker with a GPU is connected now; the job waits until one joins";

    /// <summary>Refuses (409) a suite that needs a GPU when no worker with a GPU has ever joined the grid.</summary>
    public async Task EnsureRunnableAsync(Suite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (suite.Spec.Execution == ExecutionRequirement.Gpu && !(await CensusAsync()).GpuEverJoined)
        {
            throw HubException.Conflict(
                "No GPU worker",
                $"suite {suite.Spec.Id} runs only on a worker with a GPU, and no worker with a GPU has joined this grid; the job would wait forever");
        }
    }

    /// <summary>Why the job may wait longer than usual; null when nothing stands in its way.</summary>
    public async Task<IReadOnlyList<string>?> WarningsAsync(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Status != JobStatus.Queued || !job.Spec.RequiresGpu)
        {
            return null;
        }

        return (await CensusAsync()).ConnectedWithGpu == 0 ? [NoGpuConnected] : null;
    }

    private Task<WorkerCensus> CensusAsync() => grains.GetGrain<IWorkerRegistryGrain>(0).Census();
}
