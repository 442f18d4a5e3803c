namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Group fairness of binary predictions, as Fairlearn's <c>MetricFrame</c> and disparity functions define it,
/// plus AIF360's privileged-versus-rest comparison (definitions: shared/specs/fairness.md §1.1–1.4).
/// </summary>
public static class FairnessMetrics
{
    /// <summary>The full report from per-group counts (see <see cref="GroupedConfusion.Count"/>).</summary>
    /// <exception cref="ArgumentException">No rows, or an unknown privileged group.</exception>
    public static FairnessReport Evaluate(GroupedConfusion counts, FairnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= FairnessOptions.Default;
        options.Validate();
        if (counts.Overall.Count == 0)
        {
            throw new ArgumentException("There are no rows to evaluate.", nameof(counts));
        }

        var statistic = new FairnessStatistic(counts.Groups, options, counts.Cells);
        var values = new double[statistic.Names.Count];
        statistic.Evaluate(counts.Cells, values);
        return FairnessReportBuilder.Build(counts, options, statistic, values);
    }

    /// <summary>The full report from per-row binary labels and predictions (0 or 1) and their groups.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a value is not 0 or 1, no rows, or an unknown privileged group.</exception>
    public static FairnessReport Evaluate(
        ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions, GroupIndex groups, FairnessOptions? options = null) =>
        Evaluate(GroupedConfusion.Count(labels, predictions, groups), options);
}
