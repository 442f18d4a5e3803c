using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// The whole result of running one suite on one model: headline metrics with intervals, fairness views, throughput,
/// environment and timings. Rendered deterministically (<see cref="EvaluationJson"/>); the per-row predictions are
/// kept beside it.
/// </summary>
/// <param name="Suite">The suite's id.</param>
/// <param name="SuiteVersion">The suite's version.</param>
/// <param name="SuiteDigest">The suite digest.</param>
/// <param name="Kind">The suite's kind (accuracy, bias, throughput or another registered kind).</param>
/// <param name="Task">Binary or multiclass.</param>
/// <param name="Evaluator">The evaluator version (the engine's evaluator version, e.g. <c>modelgrid-eval/1</c>).</param>
/// <param name="ModelSha256">SHA-256 of the model file evaluated.</param>
/// <param name="Rows">Rows evaluated (after the filter).</param>
/// <param name="Positives">Rows whose true label is positive (binary).</param>
/// <param name="Metrics">Headline metrics with intervals, in a fixed order.</param>
/// <param name="Fairness">One view per sensitive feature and intersection (bias suites).</param>
/// <param name="Throughput">The throughput report (throughput suites).</param>
/// <param name="Bootstrap">The bootstrap used, or null.</param>
/// <param name="Environment">Where it ran.</param>
/// <param name="Timings">How long it took.</param>
/// <param name="Warnings">Everything a reader should know about the figures, in full.</param>
/// <param name="Outcomes">Which prediction the fairness metrics count (bias suites); null for other kinds and for results
/// stored before suites declared it, whose AIF360 figures count the positive prediction as favourable.</param>
/// <param name="WarningCounts">The warnings counted by kind, for a short summary; null in results stored before it.</param>
public sealed record EvaluationReport(
    string Suite,
    int SuiteVersion,
    string SuiteDigest,
    SuiteKind Kind,
    TaskKind Task,
    string Evaluator,
    string ModelSha256,
    int Rows,
    long Positives,
    IReadOnlyList<MetricValue> Metrics,
    IReadOnlyList<FairnessView> Fairness,
    ThroughputReport? Throughput,
    BootstrapSpec? Bootstrap,
    RunEnvironment Environment,
    RunTimings Timings,
    IReadOnlyList<string> Warnings,
    FairnessOutcomes? Outcomes = null,
    IReadOnlyList<WarningCount>? WarningCounts = null)
{
    /// <summary>The headline metric of that name, or null.</summary>
    public MetricValue? Metric(string name) => Metrics.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
}
