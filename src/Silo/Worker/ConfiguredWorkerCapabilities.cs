using Microsoft.Extensions.Options;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Capabilities from <c>Grid:Worker</c>, with the GPU detected when not configured: ONNX Runtime's CUDA provider must
/// actually load (a session-options probe, not the list of providers the build contains). <c>Grid:Worker:ForceCpu</c>
/// makes a worker a CPU worker whatever it has.
/// </summary>
public sealed partial class ConfiguredWorkerCapabilities(IOptions<WorkerOptions> options, ILogger<ConfiguredWorkerCapabilities> logger) : IWorkerCapabilitiesProvider
{
    private readonly Lazy<WorkerCapabilities> _capabilities = new(() => Build(options.Value, logger));

    public WorkerCapabilities Get() => _capabilities.Value;

    private static WorkerCapabilities Build(WorkerOptions options, ILogger logger)
    {
        bool gpu;
        if (options.ForceCpu)
        {
            gpu = false;
        }
        else if (options.Gpu is { } configured)
        {
            gpu = configured;
        }
        else
        {
            var probe = GpuProbe.Detect(logger);
            gpu = probe.Available;
            LogDetected(logger, gpu, probe.DeviceName ?? probe.Reason ?? "");
        }

        var id = options.WorkerId ?? $"{Environment.MachineName}/{Environment.ProcessId}";
        IReadOnlyList<string> providers = gpu ? [ExecutionProviders.Cuda, ExecutionProviders.Cpu] : [ExecutionProviders.Cpu];
        return new WorkerCapabilities(id, gpu, providers, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "worker GPU detected: {Gpu} ({Detail})")]
    private static partial void LogDetected(ILogger logger, bool gpu, string detail);
}
