namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// AIF360-style metrics: one privileged group against every other row (the unprivileged population of AIF360's
/// sklearn API). Signed, unprivileged minus privileged; the ratio is not folded. Every figure is taken on the
/// favourable outcome, as AIF360 takes it on <c>favorable_label</c>: with <see cref="FavourableOutcome.Negative"/> the
/// "selection rate" is P(ŷ = 0), the TPR is P(ŷ = 0 | y = 0) and the FPR is P(ŷ = 0 | y = 1).
/// </summary>
/// <param name="Privileged">The privileged group.</param>
/// <param name="Favourable">The outcome the figures count as favourable.</param>
/// <param name="PrivilegedCounts">Counts of the privileged rows, on the positive label (as every other count).</param>
/// <param name="UnprivilegedCounts">Counts of all other rows, on the positive label.</param>
/// <param name="StatisticalParityDifference">P(ŷ = fav | unpriv) − P(ŷ = fav | priv) (ideal 0).</param>
/// <param name="DisparateImpact">
/// P(ŷ = fav | unpriv) / P(ŷ = fav | priv) (ideal 1, not folded; the four-fifths rule reads DI &lt; 0.8). A privileged
/// rate of 0 gives NaN, or 0.0 under <see cref="ZeroDivisionPolicy.FairlearnCompat"/> (sklearn API's <c>zero_division</c>).
/// </param>
/// <param name="EqualOpportunityDifference">TPR_unpriv − TPR_priv, on the favourable label.</param>
/// <param name="AverageOddsDifference">½[(FPR_u − FPR_p) + (TPR_u − TPR_p)] on the favourable label; opposite-signed terms cancel, so 0 does not imply equalized odds.</param>
/// <param name="AverageAbsoluteOddsDifference">½(|FPR_u − FPR_p| + |TPR_u − TPR_p|).</param>
public sealed record PrivilegedComparison(
    GroupKey Privileged,
    FavourableOutcome Favourable,
    ConfusionCounts PrivilegedCounts,
    ConfusionCounts UnprivilegedCounts,
    double StatisticalParityDifference,
    double DisparateImpact,
    double EqualOpportunityDifference,
    double AverageOddsDifference,
    double AverageAbsoluteOddsDifference);
