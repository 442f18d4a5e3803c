namespace ModelGrid.Evaluation.Metrics;

/// <summary>One group's counts and rates.</summary>
/// <param name="Key">The group.</param>
/// <param name="Counts">TP, FP, FN, TN (and n, positives, negatives) behind every rate.</param>
/// <param name="Rates">The rates; NaN where undefined.</param>
/// <param name="InDisparity">Whether the group takes part in the disparities (false when empty or below the minimum size).</param>
public sealed record GroupResult(GroupKey Key, ConfusionCounts Counts, BinaryRates Rates, bool InDisparity);
