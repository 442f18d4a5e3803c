using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// The process-wide ONNX Runtime environment, created once at FATAL log level: otherwise ORT prints an error line
/// to stderr each time the CUDA provider fails to load, and only the environment's level hides it (onnxruntime-notes §2).
/// </summary>
internal static class OrtEnvironment
{
    private static readonly OrtEnv Env = Create();

    public static OrtEnv Instance => Env;

    private static OrtEnv Create()
    {
        if (OrtEnv.IsCreated)
        {
            // Someone in the process created it first; its level is still lowered for the loads that follow.
            var existing = OrtEnv.Instance();
            existing.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            return existing;
        }

        var options = new EnvironmentCreationOptions { logId = "ModelGrid", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        return OrtEnv.CreateInstanceWithOptions(ref options);
    }
}
