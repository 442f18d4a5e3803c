using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>Appending the CUDA provider, with both ways it fails where CUDA is missing (onnxruntime-notes §2).</summary>
internal static class CudaProvider
{
    /// <summary>Appends CUDA to <paramref name="options"/>; on failure returns why (the options stay usable for CPU).</summary>
    public static string? TryAppend(SessionOptions options, int deviceId)
    {
        _ = OrtEnvironment.Instance;
        try
        {
            options.AppendExecutionProvider_CUDA(deviceId);
            return null;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            // The CPU package has no CUDA entry point at all; the GPU package fails to load the provider library.
            return e is OnnxRuntimeException
                ? $"the CUDA execution provider did not load: {e.Message}"
                : "this ONNX Runtime build has no CUDA execution provider (CPU package)";
        }
    }
}
