using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>The disparities a fairness view shows in reports and cards and compares between versions, in that order.</summary>
public static class ReportedDisparities
{
    /// <summary>Their metric names.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        MetricNames.DemographicParityDifference(DisparityMethod.BetweenGroups),
        MetricNames.DemographicParityRatio(DisparityMethod.BetweenGroups),
        MetricNames.EqualizedOddsDifference(DisparityMethod.BetweenGroups),
        MetricNames.EqualOpportunityDifference(DisparityMethod.BetweenGroups),
        MetricNames.Difference(BinaryRate.FalsePositiveRate, DisparityMethod.BetweenGroups),
        MetricNames.Difference(BinaryRate.FalseNegativeRate, DisparityMethod.BetweenGroups),
        MetricNames.StatisticalParityDifference,
        MetricNames.DisparateImpact,
        MetricNames.AverageOddsDifference,
    ];
}
