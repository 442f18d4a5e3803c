using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Capabilities from <c>Grid:Worker</c>, with the GPU detected when not configured: the NVIDIA driver's device node
/// or its proc entry. That only says a driver is loaded; the session factory still falls back to CPU and records
/// which provider ran.
/// </summary>
public sealed class ConfiguredWorkerCapabilities(IOptions<WorkerOptions> options) : IWorkerCapabilitiesProvider
{
    private readonly Lazy<WorkerCapabilities> _capabilities = new(() => Build(options.Value));

    public WorkerCapabilities Get() => _capabilities.Value;

    private static WorkerCapabilities Build(WorkerOptions options)
    {
        var gpu = options.Gpu ?? (File.Exists("/dev/nvidiactl") || File.Exists("/proc/driver/nvidia/version"));
        var id = options.WorkerId ?? $"{Environment.MachineName}/{Environment.ProcessId}";
        IReadOnlyList<string> providers = gpu ? ["CUDA", "CPU"] : ["CPU"];
        return new WorkerCapabilities(id, gpu, providers, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }
}
