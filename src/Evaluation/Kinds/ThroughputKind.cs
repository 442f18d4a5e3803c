using System.Diagnostics;
using System.Runtime.InteropServices;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// The throughput kind: samples per second and latencies on inputs generated from the model's declared shapes, for each
/// batch size and thread count. Its figures depend on the hardware, and there are no per-row predictions to compare.
/// </summary>
public sealed class ThroughputKind : ISuiteKind
{
    private ThroughputKind()
    {
    }

    /// <summary>The one instance.</summary>
    public static ThroughputKind Instance { get; } = new();

    /// <inheritdoc />
    public SuiteKind Kind => SuiteKind.Throughput;

    /// <inheritdoc />
    public ISuiteKindPresentation Presentation => ThroughputPresentation.Instance;

    /// <inheritdoc />
    public ExecutionRequirement DefaultExecution => ExecutionRequirement.Cpu;

    /// <inheritdoc />
    /// <remarks>A sweep is bounded by its iteration counts.</remarks>
    public TimeSpan DefaultWallClock => TimeSpan.FromMinutes(15);

    /// <inheritdoc />
    public long DefaultMemoryBytes => 4L << 30;

    /// <inheritdoc />
    public bool MeasuresHardware => true;

    /// <inheritdoc />
    public SuiteSpec Read(SuiteHeader header, YamlObject root)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(root);
        var task = SuiteLoader.ReadTask(root);
        var data = SuiteLoader.ReadData(root.RequiredObject("data"), generated: true, task);
        if (root.Object("model") is not null)
        {
            throw root.Error("model", "is not used by a throughput suite: inputs are generated from the model's declared shapes");
        }

        if (root.Object("fairness") is not null)
        {
            throw root.Error("fairness", "is only used by a bias suite");
        }

        if (root.Object("bootstrap") is not null)
        {
            throw root.Error("bootstrap", "is not used by a throughput suite");
        }

        var bins = root.Int("calibration-bins", ScoreMetrics.DefaultCalibrationBins, 1, 1000);
        var throughput = SuiteLoader.ReadThroughput(root.Object("throughput") ?? throw root.Error("throughput", "is required for a throughput suite"));
        return new SuiteSpec(
            header.Id, header.Version, header.Kind, header.Description, header.DataCard, task, header.Execution, data, [], null, 256, null, null, bins, throughput);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Artifacts(SuiteSpec spec) => [];

    /// <inheritdoc />
    public int LargestBatch(SuiteSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Throughput!.BatchSizes.Max();
    }

    /// <inheritdoc />
    public Task<EvaluationOutcome> RunAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Task.Run(() => Run(run, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public string? NotComparable(Suite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return $"suite {suite.Spec.Id} measures speed; compare versions on an accuracy or bias suite";
    }

    /// <inheritdoc />
    /// <remarks>
    /// Samples per second at the smallest batch size the suite measures (every model runs it: a fixed batch
    /// dimension runs batch 1 only) with the most intra-op threads it measures; higher is better. A throughput result
    /// has no bootstrap interval, so only equal figures tie.
    /// </remarks>
    public LeaderboardMetric? Leaderboard(SuiteSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var throughput = spec.Throughput!;
        var (batch, threads) = (throughput.BatchSizes.Min(), throughput.Threads.Max());
        return new LeaderboardMetric(
            MetricNames.SamplesPerSecond(batch, threads), null, HigherIsBetter: true,
            $"Samples per second at batch size {batch} with {threads} intra-op threads; higher is better. Throughput has no interval: only equal figures tie.");
    }

    /// <inheritdoc />
    public Task<ComparisonReport> CompareAsync(Suite suite, IArtifactFiles artifacts, IReadOnlyList<ComparedVersion> versions, int baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        throw new ArgumentException($"suite {suite.Spec.Name} measures speed; there are no per-row predictions to compare");
    }

    private static EvaluationOutcome Run(SuiteRun run, CancellationToken cancellationToken)
    {
        var (suite, spec, log) = (run.Suite, run.Suite.Spec, run.Log);
        var throughput = spec.Throughput!;
        var clock = Stopwatch.StartNew();
        var runner = new ThroughputRunner(run.Sessions);
        var report = runner.Run(run.ModelPath, new ThroughputSettings
        {
            BatchSizes = throughput.BatchSizes,
            ThreadCounts = throughput.Threads,
            Seed = throughput.Seed,
            WindowIterations = throughput.WindowIterations,
            MaxWarmupWindows = throughput.MaxWarmupWindows,
            StabilityTolerance = throughput.Tolerance,
            MeasureIterations = throughput.MeasureIterations,
            StringValues = throughput.StringValues,
            Provider = run.SessionSettings().Provider,
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
            SuiteRunner.HardwareClassOf(report.ActualProvider));
        var result = new EvaluationReport(
            spec.Id, spec.Version, suite.Digest, spec.Kind, spec.Task, Evaluator.Version, run.ModelSha256, 0, 0, metrics, [], report, null, environment,
            new RunTimings(0, report.SessionCreationMs, total, 0), [.. warnings.Select(w => w.Message)], null, SuiteRunner.Counted(warnings));
        return new EvaluationOutcome(result, null);
    }

    private static MetricValue Point(string name, double value) => new(name, value, double.NaN, double.NaN, 0, 0);
}
