using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Grains.Tests.Cards;

/// <summary>Small hand-made reports, as a worker would store them.</summary>
internal static class SampleReports
{
    public static EvaluationReport Bias(double accuracy) => new(
        "toy-bias", 1, new string('d', 64), SuiteKind.Bias, TaskKind.Binary, Evaluator.Version, new string('m', 64), 100, 40,
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
}
