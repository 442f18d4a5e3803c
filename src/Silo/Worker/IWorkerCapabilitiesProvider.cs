using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Worker;

/// <summary>What this worker offers when it leases: the seam between the worker and the hardware it runs on.</summary>
public interface IWorkerCapabilitiesProvider
{
    /// <summary>The worker's capabilities.</summary>
    WorkerCapabilities Get();
}
