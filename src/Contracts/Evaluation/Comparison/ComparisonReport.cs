namespace ModelGrid.Evaluation.Comparison;

/// <summary>Several versions of one model on one suite, side by side, with deltas against a baseline.</summary>
/// <param name="Suite">The suite's id.</param>
/// <param name="SuiteDigest">The suite digest all results share.</param>
/// <param name="Baseline">The version the deltas are taken against.</param>
/// <param name="Versions">The versions, in the order asked for.</param>
/// <param name="Replicates">Paired bootstrap replicates.</param>
/// <param name="Seed">Paired bootstrap seed.</param>
/// <param name="ConfidenceLevel">Coverage of every interval.</param>
/// <param name="Metrics">The compared metrics.</param>
/// <param name="Outcomes">Which prediction the fairness metrics count (bias suites), or null.</param>
public sealed record ComparisonReport(
    string Suite,
    string SuiteDigest,
    int Baseline,
    IReadOnlyList<int> Versions,
    int Replicates,
    ulong Seed,
    double ConfidenceLevel,
    IReadOnlyList<ComparedMetric> Metrics,
    Running.FairnessOutcomes? Outcomes = null);
