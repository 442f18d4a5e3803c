using System.Collections.Concurrent;
using System.Diagnostics;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// The accuracy and bias kinds: a classifier on labelled rows (CSV or IDX), its metrics with seeded bootstrap intervals,
/// and for bias the fairness views over the declared sensitive features; versions compare with a paired bootstrap over
/// their stored per-row predictions.
/// </summary>
public sealed partial class ClassificationKind : ISuiteKind
{
    // The rows of a suite are fixed by its digest; comparisons of the same suite read them once.
    private readonly ConcurrentDictionary<string, Lazy<Task<SuiteData>>> _data = new(StringComparer.Ordinal);
    private readonly bool _fairness;

    private ClassificationKind(ClassificationPresentation presentation, bool fairness)
    {
        Presentation = presentation;
        _fairness = fairness;
    }

    /// <summary>The accuracy kind.</summary>
    public static ClassificationKind Accuracy { get; } = new(ClassificationPresentation.Accuracy, fairness: false);

    /// <summary>The bias kind.</summary>
    public static ClassificationKind Bias { get; } = new(ClassificationPresentation.Bias, fairness: true);

    /// <inheritdoc />
    public SuiteKind Kind => Presentation.Kind;

    /// <inheritdoc />
    public ISuiteKindPresentation Presentation { get; }

    /// <inheritdoc />
    public ExecutionRequirement DefaultExecution => ExecutionRequirement.Auto;

    /// <inheritdoc />
    /// <remarks>A run is bounded by its data.</remarks>
    public TimeSpan DefaultWallClock => TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    public long DefaultMemoryBytes => 4L << 30;

    /// <inheritdoc />
    public bool MeasuresHardware => false;

    /// <inheritdoc />
    public SuiteSpec Read(SuiteHeader header, YamlObject root)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(root);
        var task = SuiteLoader.ReadTask(root);
        var data = SuiteLoader.ReadData(root.RequiredObject("data"), generated: false, task);
        var model = root.Object("model") ?? throw root.Error("model", "is required");
        var inputs = SuiteLoader.ReadInputs(model, data);
        var output = SuiteLoader.ReadOutput(model.RequiredObject("output"), task);
        var batchSize = model.Int("batch-size", 256, 1, 1_000_000);
        model.Done();

        var fairnessNode = root.Object("fairness");
        FairnessSpec? fairness = null;
        if (_fairness)
        {
            if (task != TaskKind.Binary)
            {
                throw root.Error("task", "must be binary for a bias suite: group fairness metrics are defined for binary predictions");
            }

            fairness = SuiteLoader.ReadFairness(fairnessNode ?? throw root.Error("fairness", "is required for a bias suite"), data);
        }
        else if (fairnessNode is not null)
        {
            throw root.Error("fairness", "is only used by a bias suite");
        }

        var bootstrapNode = root.Object("bootstrap");
        var bootstrap = bootstrapNode is null ? new BootstrapSpec(BootstrapOptions.MinimumReplicates, 0, 0.95) : SuiteLoader.ReadBootstrap(bootstrapNode);
        var bins = root.Int("calibration-bins", ScoreMetrics.DefaultCalibrationBins, 1, 1000);
        if (root.Object("throughput") is not null)
        {
            throw root.Error("throughput", "is only used by a throughput suite");
        }

        return new SuiteSpec(
            header.Id, header.Version, header.Kind, header.Description, header.DataCard, task, header.Execution, data, inputs, output, batchSize, fairness, bootstrap, bins, null);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Artifacts(SuiteSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Data.Artifacts;
    }

    /// <inheritdoc />
    public int LargestBatch(SuiteSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.BatchSize;
    }

    /// <inheritdoc />
    public async Task<EvaluationOutcome> RunAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (suite, spec, log) = (run.Suite, run.Suite.Spec, run.Log);
        var clock = Stopwatch.StartNew();
        var data = await SuiteData.LoadAsync(spec, run.Artifacts, cancellationToken);
        var dataMs = clock.Elapsed.TotalMilliseconds;
        log($"data: {data.Count} rows");

        clock.Restart();
        using var session = run.Sessions.Open(run.ModelPath, run.SessionSettings());
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
            if (spec.Fairness is not null)
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
            spec.Id, spec.Version, suite.Digest, spec.Kind, spec.Task, Evaluator.Version, run.ModelSha256, data.Count, positives,
            metrics, fairness, null, spec.Bootstrap, run.Environment(session), new RunTimings(dataMs, sessionMs, inferenceMs, metricsMs),
            [.. distinct.Select(w => w.Message)], outcomes, SuiteRunner.Counted(distinct));
        return new EvaluationOutcome(report, predictions);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Accuracy for an accuracy suite. For a bias suite, the worst-case equalized odds difference between the groups
    /// of its first sensitive feature: the largest gap in true or false positive rate between two groups, which is
    /// 0 for a model whose errors fall alike on every group, so lower is better.
    /// </remarks>
    public LeaderboardMetric? Leaderboard(SuiteSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Fairness?.Views() is { Count: > 0 } views)
        {
            var view = FairnessSpec.ViewName(views[0]);
            return new LeaderboardMetric(
                MetricNames.EqualizedOddsDifference(DisparityMethod.BetweenGroups), view, HigherIsBetter: false,
                $"Equalized odds difference (worst case, between {view} groups): the largest gap in true or false positive rate between two groups; 0 is parity, lower is better.");
        }

        return new LeaderboardMetric(MetricNames.Accuracy, null, HigherIsBetter: true, "Accuracy: the share of rows predicted right; higher is better.");
    }

    /// <inheritdoc />
    public string? NotComparable(Suite suite) => null;

    /// <inheritdoc />
    public async Task<ComparisonReport> CompareAsync(Suite suite, IArtifactFiles artifacts, IReadOnlyList<ComparedVersion> versions, int baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var data = await _data.GetOrAdd(suite.Digest, _ => new Lazy<Task<SuiteData>>(() => SuiteData.LoadAsync(suite.Spec, artifacts))).Value;
        return VersionComparison.Compare(suite, data, versions, baseline);
    }

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
}
