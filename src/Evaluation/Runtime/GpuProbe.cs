using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Whether this host can run CUDA sessions, found by actually loading the CUDA provider into session options —
/// not from <c>GetAvailableProviders</c>, which lists what the build contains, not what works (onnxruntime-notes §2).
/// </summary>
public static partial class GpuProbe
{
    private const string NvidiaGpuFolder = "/proc/driver/nvidia/gpus";

    public static GpuCapability Detect(ILogger? logger = null) => Detect(0, logger);

    public static GpuCapability Detect(int deviceId, ILogger? logger = null)
    {
        _ = OrtEnvironment.Instance;
        using var options = new SessionOptions();
        var failure = CudaProvider.TryAppend(options, deviceId);
        if (failure is not null)
        {
            if (logger is not null)
            {
                LogUnavailable(logger, deviceId, failure);
            }

            return new GpuCapability(false, failure, null);
        }

        var name = DeviceName(deviceId);
        if (logger is not null)
        {
            LogAvailable(logger, deviceId, name ?? "unknown device");
        }

        return new GpuCapability(true, null, name);
    }

    /// <summary>The model name the NVIDIA driver reports for the n-th GPU, when the driver exposes it (Linux).</summary>
    private static string? DeviceName(int deviceId)
    {
        try
        {
            if (!Directory.Exists(NvidiaGpuFolder))
            {
                return null;
            }

            var gpu = Directory.GetDirectories(NvidiaGpuFolder).Order(StringComparer.Ordinal).ElementAtOrDefault(deviceId);
            var information = gpu is null ? null : Path.Combine(gpu, "information");
            if (information is null || !File.Exists(information))
            {
                return null;
            }

            var model = File.ReadLines(information).FirstOrDefault(l => l.StartsWith("Model:", StringComparison.Ordinal));
            return model?["Model:".Length..].Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "CUDA is not available for device {DeviceId}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, int deviceId, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "CUDA is available for device {DeviceId} ({DeviceName})")]
    private static partial void LogAvailable(ILogger logger, int deviceId, string deviceName);
}
