namespace ModelGrid.Evaluation.Metrics;

/// <summary>Fairlearn's named disparity metrics (<c>fairlearn.metrics._fairness_metrics</c>) for one method.</summary>
/// <param name="Method">between_groups or to_overall.</param>
/// <param name="DemographicParityDifference">Difference of selection rates.</param>
/// <param name="DemographicParityRatio">Ratio of selection rates.</param>
/// <param name="EqualizedOddsDifference">agg="worst_case": the larger of the TPR and FPR differences.</param>
/// <param name="EqualizedOddsDifferenceMean">agg="mean": the mean of the TPR and FPR differences.</param>
/// <param name="EqualizedOddsRatio">agg="worst_case": the smaller of the TPR and FPR ratios.</param>
/// <param name="EqualizedOddsRatioMean">agg="mean": the mean of the TPR and FPR ratios.</param>
/// <param name="EqualOpportunityDifference">Difference of true positive rates.</param>
/// <param name="EqualOpportunityRatio">Ratio of true positive rates.</param>
/// <remarks>
/// Under <see cref="ZeroDivisionPolicy.NaN"/> an equalized-odds figure is NaN when either component is; under
/// <see cref="ZeroDivisionPolicy.FairlearnCompat"/> it follows Fairlearn exactly (Python's <c>max</c>/<c>min</c>
/// over [tpr, fpr], pandas' NaN-skipping <c>mean</c>).
/// </remarks>
public sealed record FairlearnDisparities(
    DisparityMethod Method,
    double DemographicParityDifference,
    double DemographicParityRatio,
    double EqualizedOddsDifference,
    double EqualizedOddsDifferenceMean,
    double EqualizedOddsRatio,
    double EqualizedOddsRatioMean,
    double EqualOpportunityDifference,
    double EqualOpportunityRatio);
