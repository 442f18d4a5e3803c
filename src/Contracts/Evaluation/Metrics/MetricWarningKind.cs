namespace ModelGrid.Evaluation.Metrics;

/// <summary>Why a figure in a report deserves a second look.</summary>
public enum MetricWarningKind
{
    /// <summary>A group (usually an intersectional combination) has no rows: its count is given, its rates are not reported.</summary>
    EmptyGroup,

    /// <summary>A group is smaller than the minimum group size: its count is given, its rates are not reported, and it is kept out of every disparity.</summary>
    SmallGroup,

    /// <summary>A metric's denominator is zero and it is reported as NaN (the zero-division policy <c>NaN</c>).</summary>
    UndefinedMetric,

    /// <summary>A metric's denominator is zero and it is reported as 0.0 (the zero-division policy <c>FairlearnCompat</c>).</summary>
    ZeroDivisionAsZero,

    /// <summary>A class is absent from the labels, so an average over classes uses the classes present only.</summary>
    MissingClass,

    /// <summary>A disparity cannot be formed (fewer than two groups with a defined value, say).</summary>
    UndefinedDisparity,

    /// <summary>Some bootstrap replicates left a metric undefined; they were dropped from its interval and counted.</summary>
    UndefinedReplicates,

    /// <summary>A throughput measurement whose warm-up never settled: its figures are unstable.</summary>
    UnstableMeasurement,
}
