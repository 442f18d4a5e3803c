using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// Runs one suite on one ONNX model: hashes and checks the model, holds the run to its limits, and hands it to the
/// suite's kind (<see cref="ISuiteKind.RunAsync"/>), which reads the data, feeds the model through ONNX Runtime and
/// computes every metric it reports. The same model, suite and data give the same figures wherever it runs (a worker
/// or <c>grid eval --local</c>).
/// </summary>
/// <param name="sessions">Opens ONNX Runtime sessions.</param>
/// <param name="artifacts">Where the suites' artifacts are read from.</param>
/// <param name="kinds">The suite kinds; <see cref="SuiteKinds.Default"/> when null.</param>
public sealed class SuiteRunner(OnnxSessionFactory sessions, IArtifactFiles artifacts, SuiteKinds? kinds = null)
{
    private readonly SuiteKinds _kinds = kinds ?? SuiteKinds.Default;

    /// <summary>
    /// Runs <paramref name="suite"/> on the model in <paramref name="modelPath"/>, held to the suite's wall-clock limit
    /// and memory ceiling (<see cref="RunLimits"/>). A model whose file, initializers or inputs are over the ceiling
    /// fails before a session is opened.
    /// </summary>
    /// <param name="suite">The suite.</param>
    /// <param name="modelPath">The ONNX model file.</param>
    /// <param name="settings">Overrides of the session settings (a worker that must stay on CPU, say) and the host's caps.</param>
    /// <param name="log">Receives one line per step.</param>
    /// <param name="cancellationToken">Cancels the run: between batches, and inside a call after its current operator.</param>
    /// <exception cref="RunLimitExceededException">The run went over its wall-clock limit or memory ceiling.</exception>
    /// <exception cref="ModelTooLargeException">The model file, an initializer or an input is over the memory ceiling.</exception>
    public async Task<EvaluationOutcome> RunAsync(
        Suite suite,
        string modelPath,
        RunSettings? settings = null,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suite);
        settings ??= RunSettings.Default;
        log ??= _ => { };
        var kind = _kinds.Get(suite.Spec.Kind);
        var limits = RunLimits.For(suite.Spec, settings, _kinds);
        using var guard = new RunGuard(limits, settings.Time ?? TimeProvider.System, settings.MemorySampleInterval, static () => System.Environment.WorkingSet, cancellationToken);
        try
        {
            return await RunWithinAsync(kind, suite, modelPath, settings, limits, log, guard.Token);
        }
        catch (Exception e) when (guard.Exceeded is { } reason && e is not RunLimitExceededException)
        {
            throw new RunLimitExceededException(reason, e);
        }
    }

    private async Task<EvaluationOutcome> RunWithinAsync(ISuiteKind kind, Suite suite, string modelPath, RunSettings settings, RunLimits limits, Action<string> log, CancellationToken cancellationToken)
    {
        var spec = suite.Spec;
        var modelSha = await HashAsync(modelPath, cancellationToken);
        log($"suite {spec.Name} ({suite.Digest[..12]}), model sha256 {modelSha[..12]}");
        log($"limits: {limits}");
        ModelPreflight.Check(modelPath, limits.MemoryBytes, kind.LargestBatch(spec));
        return await kind.RunAsync(new SuiteRun(suite, modelPath, modelSha, settings, log, sessions, artifacts), cancellationToken);
    }

    internal static List<WarningCount> Counted(IEnumerable<MetricWarning> warnings) =>
        [.. warnings.GroupBy(w => w.Kind).OrderBy(g => g.Key).Select(g => new WarningCount(g.Key, g.Count()))];

    internal static SessionSettings SessionSettingsFor(SuiteSpec spec, RunSettings settings)
    {
        var provider = spec.Execution switch
        {
            ExecutionRequirement.Cpu => ProviderRequest.Cpu,
            ExecutionRequirement.Gpu => ProviderRequest.Gpu,
            _ => settings.ForceCpu ? ProviderRequest.Cpu : ProviderRequest.Auto,
        };
        if (provider == ProviderRequest.Gpu && settings.ForceCpu)
        {
            throw new GpuUnavailableException($"suite {spec.Name} requires a GPU, and this worker is configured to run on CPU only");
        }

        return new SessionSettings { Provider = provider, IntraOpThreads = settings.IntraOpThreads };
    }

    internal static RunEnvironment Environment(ModelSession session, RunSettings settings) => new(
        OnnxSessionFactory.RuntimeVersion,
        session.RequestedProvider,
        session.ActualProvider,
        session.FallbackReason,
        MachineInfo.Cpu,
        settings.GpuName,
        System.Environment.ProcessorCount,
        session.IntraOpThreads,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        HardwareClassOf(session.ActualProvider));

    internal static string HardwareClassOf(string provider) => provider == "CUDA" ? "gpu" : "cpu";

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new InvalidModelException($"the model file '{path}' does not exist");
        }

        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    internal static MetricValue Value(MetricInterval interval, string name) =>
        new(name, interval.Estimate, interval.Lower, interval.Upper, interval.ValidReplicates, interval.UndefinedReplicates);
}
