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
    private readonly Lazy<(WorkerCapabilities Capabilities, string Hardware)> _detected = new(() => Build(options.Value, logger));

    public WorkerCapabilities Get() => _detected.Value.Capabilities;

    /// <summary>GPU or CPU in a few words, and why CPU where a GPU was looked for (the start banner's worker line).</summary>
    public string Hardware => _detected.Value.Hardware;

    private static (WorkerCapabilities, string) Build(WorkerOptions options, ILogger logger)
    {
        bool gpu;
        string hardware;
        if (options.ForceCpu)
        {
            gpu = false;
            hardware = "CPU (Grid:Worker:ForceCpu)";
        }
        else if (options.Gpu is { } configured)
        {
            gpu = configured;
            hardware = gpu ? "GPU (Grid:Worker:Gpu)" : "CPU (Grid:Worker:Gpu=false)";
        }
        else
        {
            // Detected without the probe's own log lines: this one line and the banner say it, each once.
            var probe = GpuProbe.Detect();
            gpu = probe.Available;
            hardware = gpu ? $"GPU ({probe.DeviceName ?? "CUDA device 0"})" : $"CPU; CUDA is not available ({FirstClause(probe.Reason)})";
            LogDetected(logger, gpu, probe.DeviceName ?? probe.Reason ?? "");
        }

        var id = options.WorkerId ?? $"{Environment.MachineName}/{Environment.ProcessId}";
        IReadOnlyList<string> providers = gpu ? [ExecutionProviders.Cuda, ExecutionProviders.Cpu] : [ExecutionProviders.Cpu];
        return (new WorkerCapabilities(id, gpu, providers, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes), hardware);
    }

    // ONNX Runtime's own error text follows the probe's reason after ": ["; the log line above keeps all of it.
    private static string FirstClause(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return "no reason given";
        }

        var cut = reason.IndexOf(": [", StringComparison.Ordinal);
        return cut > 0 ? reason[..cut] : reason;
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "worker GPU detected: {Gpu} ({Detail})")]
    private static partial void LogDetected(ILogger logger, bool gpu, string detail);
}
