using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Leaderboards;

/// <summary>
/// The figure a suite's leaderboard ranks on (its headline metric), and which way is better. The suite's kind
/// declares it (<c>ISuiteKind.Leaderboard</c>): accuracy for an accuracy suite; for a bias suite the worst-case
/// equalized odds difference between the groups of its first sensitive feature (lower is better); for a throughput
/// suite samples per second at the smallest batch size and the most threads it measures (higher is better).
/// </summary>
/// <param name="Name">The metric's name as the result reports it.</param>
/// <param name="View">The fairness view the metric is read from ("race"), or null for a headline metric of the result.</param>
/// <param name="HigherIsBetter">Whether larger values rank first.</param>
/// <param name="Definition">One sentence saying what is ranked and why it is the headline.</param>
public sealed record LeaderboardMetric(string Name, string? View, bool HigherIsBetter, string Definition)
{
    /// <summary>The figure in <paramref name="report"/>, or null when the result does not have it.</summary>
    /// <param name="report">A result of the suite.</param>
    public MetricValue? Find(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return View is null
            ? report.Metric(Name)
            : report.Fairness.FirstOrDefault(v => string.Equals(v.Name, View, StringComparison.Ordinal))?.Disparities
                .FirstOrDefault(d => string.Equals(d.Name, Name, StringComparison.Ordinal));
    }
}
