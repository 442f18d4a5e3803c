namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Fairlearn's aggregates of one rate over the groups taking part in disparities (NaN values skipped, as pandas
/// does): <c>group_min</c>, <c>group_max</c>, <c>difference</c> and <c>ratio</c> by both methods.
/// </summary>
/// <remarks>
/// With a single group left to compare, Fairlearn (pandas) reports a between-groups difference of 0 and ratio of 1;
/// under <see cref="ZeroDivisionPolicy.NaN"/> they are undefined instead (one group is no comparison), with a warning.
/// </remarks>
/// <param name="Rate">The rate.</param>
/// <param name="GroupMin">The smallest defined group value.</param>
/// <param name="GroupMax">The largest defined group value.</param>
/// <param name="DifferenceBetweenGroups">GroupMax − GroupMin.</param>
/// <param name="RatioBetweenGroups">GroupMin / GroupMax.</param>
/// <param name="DifferenceToOverall">max_g |v_g − overall|.</param>
/// <param name="RatioToOverall">min_g of v_g / overall folded to at most 1.</param>
public sealed record RateDisparity(
    BinaryRate Rate,
    double GroupMin,
    double GroupMax,
    double DifferenceBetweenGroups,
    double RatioBetweenGroups,
    double DifferenceToOverall,
    double RatioToOverall)
{
    /// <summary>The difference by <paramref name="method"/>.</summary>
    public double Difference(DisparityMethod method) =>
        method == DisparityMethod.BetweenGroups ? DifferenceBetweenGroups : DifferenceToOverall;

    /// <summary>The ratio by <paramref name="method"/>.</summary>
    public double Ratio(DisparityMethod method) =>
        method == DisparityMethod.BetweenGroups ? RatioBetweenGroups : RatioToOverall;
}
