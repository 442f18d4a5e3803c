using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Opens ONNX models as sessions: CUDA when asked for and it loads, otherwise CPU, recording which ran and why
/// (DESIGN.md §5, onnxruntime-notes §4). A CUDA provider that failed to load is not tried again for that device.
/// </summary>
public sealed partial class OnnxSessionFactory(SessionSettings defaults, ILogger<OnnxSessionFactory>? logger = null)
{
    private readonly SessionSettings _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
    private readonly ConcurrentDictionary<int, string> _cudaFailures = new();

    /// <summary>The ONNX Runtime version this process runs, e.g. <c>1.31.0</c>.</summary>
    public static string RuntimeVersion { get; } = OrtEnvironment.Instance.GetVersionString();

    /// <summary>The settings used when <see cref="Open"/> is given none.</summary>
    public SessionSettings Defaults => _defaults;

    /// <summary>Opens <paramref name="modelPath"/> with <paramref name="settings"/> (or <see cref="Defaults"/>).</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="modelPath"/>.</exception>
    /// <exception cref="InvalidModelException">The file is not a valid ONNX model.</exception>
    /// <exception cref="GpuUnavailableException">The provider is <see cref="ProviderRequest.Gpu"/> and CUDA cannot be used.</exception>
    public ModelSession Open(string modelPath, SessionSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var chosen = settings ?? _defaults;
        ArgumentOutOfRangeException.ThrowIfLessThan(chosen.IntraOpThreads, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(chosen.InterOpThreads, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(chosen.GpuDeviceId, nameof(settings));
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"the model file '{modelPath}' does not exist", modelPath);
        }

        var started = Stopwatch.GetTimestamp();
        var requested = chosen.Provider == ProviderRequest.Cpu ? ExecutionProviders.Cpu : ExecutionProviders.Cuda;
        string? fallbackReason = null;
        InferenceSession? inner = null;
        if (requested == ExecutionProviders.Cuda)
        {
            (inner, fallbackReason) = TryOpenCuda(modelPath, chosen);
        }

        inner ??= OpenCpu(modelPath, chosen);
        var actual = requested == ExecutionProviders.Cuda && fallbackReason is null ? ExecutionProviders.Cuda : ExecutionProviders.Cpu;
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (logger is not null)
        {
            LogOpened(logger, modelPath, requested, actual, elapsed.TotalMilliseconds);
        }

        return new ModelSession(inner, requested, actual, fallbackReason, elapsed, chosen.IntraOpThreads);
    }

    private (InferenceSession? Session, string? FallbackReason) TryOpenCuda(string modelPath, SessionSettings settings)
    {
        var device = settings.GpuDeviceId;
        if (!_cudaFailures.TryGetValue(device, out var failure))
        {
            using var options = CreateOptions(settings);
            failure = CudaProvider.TryAppend(options, device);
            if (failure is null)
            {
                try
                {
                    return (new InferenceSession(modelPath, options), null);
                }
                catch (OnnxRuntimeException e)
                {
                    // Either CUDA itself (no device, no cuDNN) or the model; opening on CPU below tells which.
                    failure = $"a CUDA session could not be created: {e.Message}";
                }
            }
            else if (_cudaFailures.TryAdd(device, failure) && logger is not null)
            {
                LogCudaUnavailable(logger, device, failure);
            }
        }

        if (settings.Provider == ProviderRequest.Gpu)
        {
            // A broken model file is reported as such, not as a missing GPU.
            OpenCpu(modelPath, settings).Dispose();
            throw new GpuUnavailableException($"a GPU is required (provider Gpu, device {device}) but CUDA cannot be used: {failure}");
        }

        return (null, failure);
    }

    private static InferenceSession OpenCpu(string modelPath, SessionSettings settings)
    {
        using var options = CreateOptions(settings);
        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidModelException($"'{modelPath}' is not a valid ONNX model: {e.Message}", e);
        }
    }

    private static SessionOptions CreateOptions(SessionSettings settings)
    {
        _ = OrtEnvironment.Instance;
        return new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = settings.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableCpuMemArena = settings.CpuMemoryArena,
        };
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "CUDA is not available for device {DeviceId}; sessions run on CPU: {Reason}")]
    private static partial void LogCudaUnavailable(ILogger logger, int deviceId, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Opened {Model}: requested {Requested}, running on {Actual}, in {Milliseconds:F1} ms")]
    private static partial void LogOpened(ILogger logger, string model, string requested, string actual, double milliseconds);
}
