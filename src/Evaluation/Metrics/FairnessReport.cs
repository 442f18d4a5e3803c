namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Group fairness of one model version on one evaluation set: every group's counts and rates, Fairlearn's
/// aggregates and named disparities by both methods, and the AIF360 comparison when a privileged group is given.
/// </summary>
/// <param name="ZeroDivision">The zero-division policy used.</param>
/// <param name="MinimumGroupSize">The minimum group size in force (0 in Fairlearn-compatible mode).</param>
/// <param name="OverallCounts">The counts of all rows.</param>
/// <param name="Overall">The rates of all rows.</param>
/// <param name="Groups">Every group, in <see cref="GroupIndex.Groups"/> order, empty ones included.</param>
/// <param name="Disparities">Aggregates of each <see cref="BinaryRate"/>, in enum order.</param>
/// <param name="BetweenGroups">Fairlearn's named metrics, method="between_groups".</param>
/// <param name="ToOverall">Fairlearn's named metrics, method="to_overall".</param>
/// <param name="Privileged">The AIF360 comparison, or null without a privileged group.</param>
/// <param name="Warnings">Small and empty groups, undefined metrics, zero divisions taken as 0.</param>
public sealed record FairnessReport(
    ZeroDivisionPolicy ZeroDivision,
    int MinimumGroupSize,
    ConfusionCounts OverallCounts,
    BinaryRates Overall,
    IReadOnlyList<GroupResult> Groups,
    IReadOnlyList<RateDisparity> Disparities,
    FairlearnDisparities BetweenGroups,
    FairlearnDisparities ToOverall,
    PrivilegedComparison? Privileged,
    IReadOnlyList<MetricWarning> Warnings)
{
    /// <summary>The group with the given level names (one per sensitive feature).</summary>
    /// <exception cref="KeyNotFoundException">No such group.</exception>
    public GroupResult Group(params IReadOnlyList<string> levels) =>
        Groups.FirstOrDefault(g => g.Key.Levels.SequenceEqual(levels, StringComparer.Ordinal))
        ?? throw new KeyNotFoundException($"No group ({string.Join(", ", levels)}).");

    /// <summary>The aggregates of one rate.</summary>
    public RateDisparity Disparity(BinaryRate rate) => Disparities[(int)rate];

    /// <summary>The named metrics for <paramref name="method"/>.</summary>
    public FairlearnDisparities Named(DisparityMethod method) =>
        method == DisparityMethod.BetweenGroups ? BetweenGroups : ToOverall;
}
