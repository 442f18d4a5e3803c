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
public sealed class SuiteRunner(OnnxSessionFactory sessions, IArtifactFiles artifacts)
{
    /// <summary>Runs <paramref name="suite"/> on the model in <paramref name="modelPath"/>.</summary>
    /// <param name="suite">The suite.</param>
    /// <param name="modelPath">The ONNX model file.</param>
    /// <param name="settings">Overrides of the session settings (a worker that must stay on CPU, say).</param>
    /// <param name="log">Receives one line per step.</param>
    /// <param name="cancellationToken">Cancels the run between batches.</param>
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
        var spec = suite.Spec;
        var modelSha = await HashAsync(modelPath, cancellationToken);
        log($"suite {spec.Name} ({suite.Digest[..12]}), model sha256 {modelSha[..12]}");

        if (spec.Kind == SuiteKind.Throughput)
        {
            return await Task.Run(() => RunThroughput(suite, modelPath, modelSha, settings, log), cancellationToken);
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
        var warnings = new List<string>();
        var bootstrap = new BootstrapOptions { Replicates = spec.Bootstrap!.Replicates, Seed = spec.Bootstrap.Seed, ConfidenceLevel = spec.Bootstrap.ConfidenceLevel };
        List<MetricValue> metrics;
        IReadOnlyList<FairnessView> fairness = [];
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
            }
        }
        else
        {
            var classes = spec.Data.Label!.Classes;
            var (predicted, probabilities, topScores) = MulticlassOutputs(spec, outputs, data.Count, classes);
            predictions = new RowPredictions(data.Keys, data.Labels, predicted, topScores);
            metrics = MulticlassMetricValues(data.Labels, predicted, probabilities, classes, spec, bootstrap, warnings);
        }

        var metricsMs = clock.Elapsed.TotalMilliseconds;
        log($"metrics: {metrics.Count} headline figures, {fairness.Count} fairness views, {bootstrap.Replicates} bootstrap replicates (seed {bootstrap.Seed})");
        var report = new EvaluationReport(
            spec.Id, spec.Version, suite.Digest, spec.Kind, spec.Task, Evaluator.Version, modelSha, data.Count, positives,
            metrics, fairness, null, spec.Bootstrap, Environment(session, settings), new RunTimings(dataMs, sessionMs, inferenceMs, metricsMs),
            [.. warnings.Distinct(StringComparer.Ordinal)]);
        return new EvaluationOutcome(report, predictions);
    }

    private EvaluationOutcome RunThroughput(Suite suite, string modelPath, string modelSha, RunSettings settings, Action<string> log)
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
        });
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
                Point($"samples_per_second.batch_{m.BatchSize}.threads_{m.Threads}", m.SamplesPerSecond),
                Point($"latency_p50_ms.batch_{m.BatchSize}.threads_{m.Threads}", m.P50Ms),
                Point($"latency_p99_ms.batch_{m.BatchSize}.threads_{m.Threads}", m.P99Ms),
            })
            .ToList();
        var warnings = report.Measurements.Where(m => m.Supported && !m.Stable)
            .Select(m => $"threads {m.Threads}, batch {m.BatchSize}: warm-up never settled within {throughput.Tolerance * 100:0.#}% over {throughput.MaxWarmupWindows} windows; the figures are unstable")
            .ToList();
        var environment = new RunEnvironment(
            report.RuntimeVersion, report.RequestedProvider, report.ActualProvider, report.FallbackReason, MachineInfo.Cpu, null,
            System.Environment.ProcessorCount, throughput.Threads.Max(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            HardwareClassOf(report.ActualProvider));
        var result = new EvaluationReport(
            spec.Id, spec.Version, suite.Digest, spec.Kind, spec.Task, Evaluator.Version, modelSha, 0, 0, metrics, [], report, null, environment,
            new RunTimings(0, report.SessionCreationMs, total, 0), warnings);
        return new EvaluationOutcome(result, null);
    }

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
            results.Add(Pick(data.Spec.Output!, feed.Run(start, count)));
        }

        return results;
    }

    private static OutputTensor Pick(OutputSpec output, IReadOnlyList<OutputTensor> outputs)
    {
        if (output.Name is { } name)
        {
            return outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
                ?? throw new ModelInputMismatchException($"the model has no output '{name}'; it has {string.Join(", ", outputs.Select(o => o.Name))}");
        }

        return outputs.Count == 1
            ? outputs[0]
            : throw new ModelInputMismatchException($"the model has {outputs.Count} outputs ({string.Join(", ", outputs.Select(o => o.Name))}); the suite must name the one it scores");
    }

    private static (int[] Predicted, double[] Scores) BinaryOutputs(SuiteSpec spec, List<OutputTensor> outputs, int rows)
    {
        var output = spec.Output!;
        var predicted = new int[rows];
        var scores = new double[rows];
        var row = 0;
        foreach (var tensor in outputs)
        {
            var batch = tensor.Shape.Length == 0 ? 1 : (int)tensor.Shape[0];
            var width = batch == 0 ? 0 : tensor.Values.Length / batch;
            if (width is not (1 or 2) || width * batch != tensor.Values.Length)
            {
                throw new ModelInputMismatchException(
                    $"output '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}]; a binary suite reads one value per row, or two with the positive class second");
            }

            for (var i = 0; i < batch; i++, row++)
            {
                double value = tensor.Values[(i * width) + width - 1];
                switch (output.Kind)
                {
                    case OutputKind.Label:
                        predicted[row] = value switch
                        {
                            0 => 0,
                            1 => 1,
                            _ => throw new ModelInputMismatchException($"output '{tensor.Name}' gave the label {value} for row {row + 1}; a binary label is 0 or 1"),
                        };
                        scores[row] = double.NaN;
                        continue;
                    case OutputKind.Logits:
                        value = width == 2
                            ? 1.0 / (1.0 + Math.Exp(tensor.Values[i * 2] - value))
                            : ProbabilityTransforms.Sigmoid(value);
                        break;
                }

                if (!(value is >= 0 and <= 1))
                {
                    throw new ModelInputMismatchException($"output '{tensor.Name}' gave {value} for row {row + 1}, which is no probability; declare kind: logits if it holds scores");
                }

                scores[row] = value;
                predicted[row] = value >= output.Threshold ? 1 : 0;
            }
        }

        return row == rows ? (predicted, scores) : throw new ModelInputMismatchException($"the model gave {row} rows of output for {rows} rows of input");
    }

    private static (int[] Predicted, double[] Probabilities, double[] TopScores) MulticlassOutputs(SuiteSpec spec, List<OutputTensor> outputs, int rows, int classes)
    {
        var kind = spec.Output!.Kind;
        var predicted = new int[rows];
        var probabilities = kind == OutputKind.Label ? [] : new double[rows * classes];
        var top = new double[rows];
        var row = 0;
        var logits = new double[classes];
        foreach (var tensor in outputs)
        {
            var batch = tensor.Shape.Length == 0 ? 1 : (int)tensor.Shape[0];
            var width = kind == OutputKind.Label ? 1 : classes;
            if (batch * width != tensor.Values.Length)
            {
                throw new ModelInputMismatchException(
                    $"output '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}]; the suite reads {width} value(s) per row for {classes} classes");
            }

            for (var i = 0; i < batch; i++, row++)
            {
                if (kind == OutputKind.Label)
                {
                    var label = tensor.Values[i];
                    predicted[row] = label >= 0 && label < classes && label == Math.Floor(label)
                        ? (int)label
                        : throw new ModelInputMismatchException($"output '{tensor.Name}' gave the label {label} for row {row + 1}, not a class from 0 to {classes - 1}");
                    top[row] = double.NaN;
                    continue;
                }

                var p = probabilities.AsSpan(row * classes, classes);
                for (var k = 0; k < classes; k++)
                {
                    logits[k] = tensor.Values[(i * classes) + k];
                }

                if (kind == OutputKind.Logits)
                {
                    ProbabilityTransforms.Softmax(logits, classes, p);
                }
                else
                {
                    logits.CopyTo(p);
                }

                var best = 0;
                for (var k = 1; k < classes; k++)
                {
                    if (p[k] > p[best])
                    {
                        best = k;
                    }
                }

                predicted[row] = best;
                top[row] = p[best];
            }
        }

        return row == rows ? (predicted, probabilities, top) : throw new ModelInputMismatchException($"the model gave {row} rows of output for {rows} rows of input");
    }

    private static List<MetricValue> BinaryMetrics(int[] labels, int[] predicted, double[] scores, SuiteSpec spec, BootstrapOptions bootstrap, List<string> warnings)
    {
        var counts = ConfusionCounts.FromRows(labels, predicted);
        var rates = Bootstrap.Binary(counts, spec.Fairness?.ZeroDivision ?? ZeroDivisionPolicy.NaN, bootstrap);
        warnings.AddRange(rates.Warnings.Select(w => w.Message));
        var values = rates.Intervals.Select(i => Value(i, i.Metric.StartsWith("overall.", StringComparison.Ordinal) ? i.Metric["overall.".Length..] : i.Metric)).ToList();
        if (spec.Output!.Kind != OutputKind.Label)
        {
            var scored = Bootstrap.Scores(labels, scores, spec.CalibrationBins, bootstrap);
            warnings.AddRange(scored.Warnings.Select(w => w.Message));
            values.AddRange(scored.Intervals.Select(i => Value(i, i.Metric)));
        }

        return values;
    }

    private static List<MetricValue> MulticlassMetricValues(
        int[] labels, int[] predicted, double[] probabilities, int classes, SuiteSpec spec, BootstrapOptions bootstrap, List<string> warnings)
    {
        var confusion = MulticlassConfusion.Count(labels, predicted, classes);
        var counts = Bootstrap.Multiclass(confusion, ZeroDivisionPolicy.NaN, bootstrap);
        warnings.AddRange(counts.Warnings.Select(w => w.Message));
        var values = counts.Intervals.Select(i => Value(i, i.Metric)).ToList();
        if (spec.Output!.Kind != OutputKind.Label)
        {
            var scored = Bootstrap.MulticlassScores(labels, probabilities, classes, spec.CalibrationBins, bootstrap);
            warnings.AddRange(scored.Warnings.Select(w => w.Message));
            values.AddRange(scored.Intervals.Select(i => Value(i, i.Metric)));
        }

        return values;
    }

    internal static MetricValue Value(MetricInterval interval, string name) =>
        new(name, interval.Estimate, interval.Lower, interval.Upper, interval.ValidReplicates, interval.UndefinedReplicates);

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
