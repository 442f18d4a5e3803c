namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// AIF360-style metrics: one privileged group against every other row (the unprivileged population of AIF360's
/// sklearn API). Signed, unprivileged minus privileged; the ratio is not folded.
/// </summary>
/// <param name="Privileged">The privileged group.</param>
/// <param name="PrivilegedCounts">Counts of the privileged rows.</param>
/// <param name="UnprivilegedCounts">Counts of all other rows.</param>
/// <param name="StatisticalParityDifference">SR_unpriv − SR_priv (ideal 0).</param>
/// <param name="DisparateImpact">
/// SR_unpriv / SR_priv (ideal 1, not folded; the four-fifths rule reads DI &lt; 0.8). SR_priv = 0 gives NaN, or 0.0
/// under <see cref="ZeroDivisionPolicy.FairlearnCompat"/> (sklearn API's <c>zero_division</c>).
/// </param>
/// <param name="EqualOpportunityDifference">TPR_unpriv − TPR_priv.</param>
/// <param name="AverageOddsDifference">½[(FPR_u − FPR_p) + (TPR_u − TPR_p)]; opposite-signed terms cancel, so 0 does not imply equalized odds.</param>
/// <param name="AverageAbsoluteOddsDifference">½(|FPR_u − FPR_p| + |TPR_u − TPR_p|).</param>
public sealed record PrivilegedComparison(
    GroupKey Privileged,
    ConfusionCounts PrivilegedCounts,
    ConfusionCounts UnprivilegedCounts,
    double StatisticalParityDifference,
    double DisparateImpact,
    double EqualOpportunityDifference,
    double AverageOddsDifference,
    double AverageAbsoluteOddsDifference);
