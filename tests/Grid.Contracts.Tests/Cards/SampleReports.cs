using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Contracts.Tests.Cards;

/// <summary>Small hand-made reports, as a worker would store them.</summary>
internal static class SampleReports
{
    public static EvaluationReport Bias(double accuracy) => new(
        "toy-bias", 1, new string('d', 64), SuiteKind.Bias, TaskKind.Binary, "modelgrid-eval/1", new string('m', 64), 100, 40,
        [
            new MetricValue("accuracy", accuracy, accuracy - 0.05, accuracy + 0.05, 1000, 0),
            new MetricValue("roc_auc", 0.8, 0.75, 0.85, 1000, 0),
            new MetricValue("log_loss", double.NaN, double.NaN, double.NaN, 0, 1000),
        ],
        [
            new FairnessView(
                "sex",
                ["sex"],
                "M",
                [
                    new GroupRow("F", 50, 20, 10, 5, 10, 25, true, [new MetricValue("selection_rate", 0.3, 0.2, 0.4, 1000, 0)]),
                    new GroupRow("M", 50, 20, 12, 6, 8, 24, true, [new MetricValue("selection_rate", 0.36, 0.26, 0.46, 1000, 0)]),
                ],
                [new MetricValue("demographic_parity_difference.between_groups", 0.06, 0.0, 0.2, 1000, 0)],
                []),
        ],
        null,
        new BootstrapSpec(1000, 7, 0.95),
        new RunEnvironment("1.31.0", "CUDA", "CPU", "no CUDA", "test cpu", null, 2, 1, "linux", ".NET 10", "cpu"),
        new RunTimings(1, 2, 3, 4),
        ["sex: a note"]);

    public static EvaluationReport Throughput() => new(
        "throughput-cpu", 1, new string('t', 64), SuiteKind.Throughput, TaskKind.Binary, "modelgrid-eval/1", new string('m', 64), 0, 0,
        [
            new MetricValue("samples_per_second.batch_1.threads_1", 1234.5, double.NaN, double.NaN, 0, 0),
            new MetricValue("latency_p50_ms.batch_1.threads_1", 0.81, double.NaN, double.NaN, 0, 0),
            new MetricValue("latency_p99_ms.batch_1.threads_1", 0.97, double.NaN, double.NaN, 0, 0),
        ],
        [],
        new ThroughputReport
        {
            RequestedProvider = "CPU",
            ActualProvider = "CPU",
            RuntimeVersion = "1.31.0",
            SessionCreationMs = 12,
            FirstRunMs = 3,
            PeakWorkingSetBytes = 100 << 20,
            ManagedBytesAllocated = 0,
            Seed = 1,
            Measurements = [new ThroughputMeasurement { Threads = 1, BatchSize = 1, Supported = true, Stable = true, Samples = 500, P50Ms = 0.81, P90Ms = 0.9, P99Ms = 0.97, SamplesPerSecond = 1234.5 }],
        },
        null,
        new RunEnvironment("1.31.0", "CPU", "CPU", null, "test cpu", null, 2, 1, "linux", ".NET 10", "cpu"),
        new RunTimings(0, 12, 500, 0),
        []);

    /// <summary>A COMPAS-like result: a group below the minimum size, eight warnings of two kinds, the favourable outcome declared.</summary>
    public static EvaluationReport BiasWithSmallGroup() => Bias(0.65) with
    {
        Fairness =
        [
            new FairnessView(
                "race x sex",
                ["race", "sex"],
                "Caucasian, Female",
                [
                    new GroupRow("African-American, Male", 3044, 1654, 1100, 736, 554, 654, true, [new MetricValue("selection_rate", 0.6035, 0.5864, 0.6216, 1000, 0)]),
                    new GroupRow("Asian, Female", 2, 1, 0, 0, 1, 1, false, [], "n = 2, below the minimum of 30: not reported"),
                ],
                [new MetricValue("aif360.disparate_impact", 0.7401, 0.71, 0.77, 1000, 0)],
                []),
        ],
        Warnings = [.. Enumerable.Range(1, 8).Select(i => $"race x sex: warning {i}")],
        Outcomes = new FairnessOutcomes("two_year_recid", ["1"], ["0"], FavourableOutcome.Negative, "predicted not to be charged again within two years"),
        WarningCounts = [new WarningCount(MetricWarningKind.SmallGroup, 4), new WarningCount(MetricWarningKind.UndefinedReplicates, 4)],
    };
}
