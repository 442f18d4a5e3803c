using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// Runs one suite on one ONNX model: reads the data, feeds the model through ONNX Runtime, and computes every
/// metric the suite kind reports with seeded bootstrap intervals. The same model, suite and data give the same
/// figures wherever it runs (a worker or <c>grid eval --local</c>).
/// </summary>
public sealed partial class SuiteRunner(OnnxSessionFactory sessions, IArtifactFiles artifacts)
{
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
        var limits = RunLimits.For(suite.Spec, settings);
        using var guard = new RunGuard(limits, settings.Time ?? TimeProvider.System, settings.MemorySampleInterval, static () => System.Environment.WorkingSet, cancellationToken);
        try
        {
            return await RunWithinAsync(suite, modelPath, settings, limits, log, guard.Token);
        }
        catch (Exception e) when (guard.Exceeded is { } reason && e is not RunLimitExceededException)
        {
            throw new RunLimitExceededException(reason, e);
        }
    }

    private async Task<EvaluationOutcome> RunWithinAsync(Suite suite, string modelPath, RunSettings settings, RunLimits limits, Action<string> log, CancellationToken cancellationToken)
    {
        var spec = suite.Spec;
        var modelSha = await HashAsync(modelPath, cancellationToken);
        log($"suite {spec.Name} ({suite.Digest[..12]}), model sha256 {modelSha[..12]}");
        log($"limits: {limits}");
        ModelPreflight.Check(modelPath, limits.MemoryBytes, spec.Kind == SuiteKind.Throughput ? spec.Throughput!.BatchSizes.Max() : spec.BatchSize);

        if (spec.Kind == SuiteKind.Throughput)
        {
            return await Task.Run(() => RunThroughput(suite, modelPath, modelSha, settings, log, cancellationToken), cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var data = await SuiteData.LoadAsync(spec, artifacts, cancellationToken);
        var dataMs = clock.Elapsed.TotalMilliseconds;
        log($"data: {data.Count} rows");

        clock.Restart();
        using var session = sessions.Open(modelPath, SessionSettingsFor(spec, settings));
        var sessionMs = clock.Elapsed.TotalMilliseconds;
        log($"session: {session.ActualProvider} (requested {session.RequestedProvider}){(session.FallbackReason is { } why ? $"; {why}" : "")}");

        clock.Restart();
        var outputs = await Task.Run(() => Infer(session, data, cancellationToken), cancellationToken);
        var inferenceMs = clock.Elapsed.TotalMilliseconds;
        log($"inference: {data.Count} rows in {inferenceMs:F0} ms");

        clock.Restart();
        var warnings = new List<MetricWarning>();
        var bootstrap = new BootstrapOptions { Replicates = spec.Bootstrap!.Replicates, Seed = spec.Bootstrap.Seed, ConfidenceLevel = spec.Bootstrap.ConfidenceLevel };
        List<MetricValue> metrics;
        IReadOnlyList<FairnessView> fairness = [];
        FairnessOutcomes? outcomes = null;
        RowPredictions predictions;
        long positives = 0;
        if (spec.Task == TaskKind.Binary)
        {
            var (predicted, scores) = BinaryOutputs(spec, outputs, data.Count);
            predictions = new RowPredictions(data.Keys, data.Labels, predicted, scores);
            metrics = BinaryMetrics(data.Labels, predicted, scores, spec, bootstrap, warnings);
            positives = data.Labels.LongCount(l => l == 1);
            if (spec.Kind == SuiteKind.Bias)
            {
                fairness = FairnessViews.Compute(spec, data, predicted, bootstrap, warnings);
                outcomes = FairnessViews.Outcomes(spec);
            }
        }
        else
        {
            var classes = spec.Data.Label!.Classes;
            var (predicted, probabilities, topScores) = MulticlassOutputs(spec, outputs, data.Count, classes);
            predictions = new RowPredictions(data.Keys, data.Labels, predicted, topScores);
            metrics = MulticlassMetricValues(data.Labels, predicted, probabilities, classes, spec, bootstrap, warnings);
        }

        // The metrics cannot be stopped midway; a run that went over a limit while they were computed still fails.
        cancellationToken.ThrowIfCancellationRequested();
        var metricsMs = clock.Elapsed.TotalMilliseconds;
        var distinct = warnings.DistinctBy(w => w.Message, StringComparer.Ordinal).ToList();
        log($"metrics: {metrics.Count} headline figures, {fairness.Count} fairness views, {bootstrap.Replicates} bootstrap replicates (seed {bootstrap.Seed})");
        var report = new EvaluationReport(
            spec.Id, spec.Version, suite.Digest, spec.Kind, spec.Task, Evaluator.Version, modelSha, data.Count, positives,
            metrics, fairness, null, spec.Bootstrap, Environment(session, settings), new RunTimings(dataMs, sessionMs, inferenceMs, metricsMs),
            [.. distinct.Select(w => w.Message)], outcomes, Counted(distinct));
        return new EvaluationOutcome(report, predictions);
    }

    private EvaluationOutcome RunThroughput(Suite suite, string modelPath, string modelSha, RunSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        var spec = suite.Spec;
        var throughput = spec.Throughput!;
        var clock = Stopwatch.StartNew();
        var runner = new ThroughputRunner(sessions);
        var report = runner.Run(modelPath, new ThroughputSettings
        {
            BatchSizes = throughput.BatchSizes,
            ThreadCounts = throughput.Threads,
            Seed = throughput.Seed,
            WindowIterations = throughput.WindowIterations,
            MaxWarmupWindows = throughput.MaxWarmupWindows,
            StabilityTolerance = throughput.Tolerance,
            MeasureIterations = throughput.MeasureIterations,
            StringValues = throughput.StringValues,
            Provider = SessionSettingsFor(spec, settings).Provider,
        }, log, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var total = clock.Elapsed.TotalMilliseconds;
        if (report.Failure is { } failure)
        {
            throw new ModelRunException($"throughput run failed: {failure}");
        }

        foreach (var m in report.Measurements)
        {
            log(m.Supported
                ? $"threads {m.Threads}, batch {m.BatchSize}: {m.SamplesPerSecond:F0} samples/s, p50 {m.P50Ms:F3} ms{(m.Stable ? "" : " (unstable)")}"
                : $"threads {m.Threads}, batch {m.BatchSize}: {m.NotSupportedReason}");
        }

        var metrics = report.Measurements
            .Where(m => m.Supported)
            .SelectMany(m => new[]
            {
                Point(MetricNames.SamplesPerSecond(m.BatchSize, m.Threads), m.SamplesPerSecond),
                Point(MetricNames.LatencyP50Ms(m.BatchSize, m.Threads), m.P50Ms),
                Point(MetricNames.LatencyP99Ms(m.BatchSize, m.Threads), m.P99Ms),
            })
            .ToList();
        var warnings = report.Measurements.Where(m => m.Supported && !m.Stable)
            .Select(m => new MetricWarning(
                MetricWarningKind.UnstableMeasurement,
                MetricNames.SamplesPerSecond(m.BatchSize, m.Threads),
                $"threads {m.Threads}, batch {m.BatchSize}: warm-up never settled within {throughput.Tolerance * 100:0.#}% over {throughput.MaxWarmupWindows} windows; the figures are unstable"))
            .ToList();
        var environment = new RunEnvironment(
            report.RuntimeVersion, report.RequestedProvider, report.ActualProvider, report.FallbackReason, MachineInfo.Cpu, null,
            System.Environment.ProcessorCount, throughput.Threads.Max(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            HardwareClassOf(report.ActualProvider));
        var result = new EvaluationReport(
            spec.Id, spec.Version, suite.Digest, spec.Kind, spec.Task, Evaluator.Version, modelSha, 0, 0, metrics, [], report, null, environment,
            new RunTimings(0, report.SessionCreationMs, total, 0), [.. warnings.Select(w => w.Message)], null, Counted(warnings));
        return new EvaluationOutcome(result, null);
    }

    private static List<WarningCount> Counted(IEnumerable<MetricWarning> warnings) =>
        [.. warnings.GroupBy(w => w.Kind).OrderBy(g => g.Key).Select(g => new WarningCount(g.Key, g.Count()))];

    private static MetricValue Point(string name, double value) => new(name, value, double.NaN, double.NaN, 0, 0);

    private static SessionSettings SessionSettingsFor(SuiteSpec spec, RunSettings settings)
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

    private static RunEnvironment Environment(ModelSession session, RunSettings settings) => new(
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

    private static string HardwareClassOf(string provider) => provider == "CUDA" ? "gpu" : "cpu";

    private static List<OutputTensor> Infer(ModelSession session, SuiteData data, CancellationToken cancellationToken)
    {
        var feed = new ModelFeed(session, data);
        var results = new List<OutputTensor>();
        for (var start = 0; start < data.Count; start += feed.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(feed.BatchSize, data.Count - start);
            results.Add(Pick(data.Spec.Output!, feed.Run(start, count, cancellationToken)));
        }

        return results;
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new InvalidModelException($"the model file '{path}' does not exist");
        }

        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
