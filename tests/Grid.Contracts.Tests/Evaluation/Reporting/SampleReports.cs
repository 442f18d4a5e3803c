using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Contracts.Tests.Evaluation.Reporting;

/// <summary>Hand-made reports, as a worker stores them.</summary>
internal static class SampleReports
{
    public static FairnessOutcomes Compas { get; } =
        new("two_year_recid", ["1"], ["0"], FavourableOutcome.Negative, "predicted not to be charged again within two years");

    public static EvaluationReport Bias(
        FairnessOutcomes? outcomes,
        IReadOnlyList<string> warnings,
        IReadOnlyList<WarningCount>? counts,
        params GroupRow[] groups) => new(
        "toy-bias", 1, new string('d', 64), SuiteKind.Bias, TaskKind.Binary, "modelgrid-eval/1", new string('m', 64), 100, 40,
        [new MetricValue("accuracy", 0.8, 0.75, 0.85, 1000, 0)],
        [
            new FairnessView(
                "race",
                ["race"],
                "Caucasian",
                groups,
                [
                    new MetricValue("demographic_parity_difference.between_groups", 0.06, 0.0, 0.2, 1000, 0),
                    new MetricValue("aif360.disparate_impact", 0.74, 0.7, 0.78, 1000, 0),
                ],
                []),
        ],
        null,
        new BootstrapSpec(1000, 7, 0.95),
        new RunEnvironment("1.31.0", "CPU", "CPU", null, "test cpu", null, 2, 1, "linux", ".NET 10", "cpu"),
        new RunTimings(1, 2, 3, 4),
        warnings,
        outcomes,
        counts);

    public static GroupRow Reported(string name, long n) =>
        new(name, n, n / 2, n / 4, n / 4, n / 4, n - (3 * (n / 4)), true, [new MetricValue("selection_rate", 0.5, 0.4, 0.6, 1000, 0)]);

    public static GroupRow Small(string name, long n, string? reason) =>
        new(name, n, 1, 0, 0, 1, n - 1, false, reason is null ? [new MetricValue("selection_rate", 0, 0, 0, 1000, 0)] : [], reason);
}
