namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Seeded percentile bootstrap confidence intervals for every reported metric (fairness.md §1.6). Count metrics
/// (rates, disparities, AIF360 metrics, accuracy, balanced accuracy, precision, recall, F1) resample the cell counts
/// by an exact multinomial; score metrics (ROC AUC, log-loss, Brier, ECE) resample row indices. A replicate in which
/// a metric is undefined is dropped from that metric's interval and counted in
/// <see cref="MetricInterval.UndefinedReplicates"/>. For differences between two versions, see <see cref="PairedBootstrap"/>.
/// </summary>
public static class Bootstrap
{
    /// <summary>
    /// Intervals for every figure of <see cref="FairnessMetrics.Evaluate(GroupedConfusion, FairnessOptions?)"/>: the
    /// overall and per-group rates, each rate's group minimum, maximum, differences and ratios, Fairlearn's named
    /// metrics by both methods and the AIF360 metrics. Replicates resample the group × y × ŷ cells; the groups taking
    /// part in disparities are those of the observed data. Like Fairlearn's, the resampling is not stratified: group
    /// sizes vary between replicates and a small group can vanish.
    /// </summary>
    public static BootstrapResult Fairness(GroupedConfusion counts, FairnessOptions? fairness = null, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        fairness ??= FairnessOptions.Default;
        fairness.Validate();
        RequireRows(counts.Overall.Count);
        var statistic = new FairnessStatistic(counts.Groups, fairness, counts.Cells);
        return CountBootstrapEngine.Run(statistic, counts.Cells, options ?? BootstrapOptions.Default);
    }

    /// <summary>
    /// Intervals for the rates of binary predictions without groups (accuracy, balanced accuracy, precision, recall,
    /// F1, selection rate, TPR, FPR, FNR), named <c>overall.{rate}</c>; the four confusion cells are resampled.
    /// </summary>
    public static BootstrapResult Binary(
        ConfusionCounts counts, ZeroDivisionPolicy policy = ZeroDivisionPolicy.NaN, BootstrapOptions? options = null)
    {
        RequireRows(counts.Count);
        if (counts.TruePositives < 0 || counts.FalsePositives < 0 || counts.FalseNegatives < 0 || counts.TrueNegatives < 0)
        {
            throw new ArgumentException("Counts must not be negative.", nameof(counts));
        }

        long[] cells = [counts.TrueNegatives, counts.FalsePositives, counts.FalseNegatives, counts.TruePositives];
        return CountBootstrapEngine.Run(new BinaryRatesStatistic(policy), cells, options ?? BootstrapOptions.Default);
    }

    /// <summary>Intervals for multiclass accuracy, balanced accuracy and macro precision/recall/F1 (K×K cells resampled).</summary>
    public static BootstrapResult Multiclass(
        MulticlassConfusion confusion, ZeroDivisionPolicy policy = ZeroDivisionPolicy.NaN, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        RequireRows(confusion.Total);
        var statistic = new MulticlassStatistic(confusion.ClassCount, policy);
        return CountBootstrapEngine.Run(statistic, confusion.Cells, options ?? BootstrapOptions.Default);
    }

    /// <summary>Intervals for ROC AUC, log-loss, Brier score and ECE of binary scores (row indices resampled).</summary>
    public static BootstrapResult Scores(
        ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, int bins = ScoreMetrics.DefaultCalibrationBins, BootstrapOptions? options = null)
    {
        RequireRows(labels.Length);
        var rows = ScoreRows.Binary(labels, scores, bins);
        return RowBootstrapEngine.Run(rows, null, null, BinaryScoreNames, options ?? BootstrapOptions.Default);
    }

    /// <summary>Intervals for multiclass log-loss, Brier score and top-label ECE (row indices resampled).</summary>
    public static BootstrapResult MulticlassScores(
        ReadOnlySpan<int> labels,
        ReadOnlySpan<double> probabilities,
        int classCount,
        int bins = ScoreMetrics.DefaultCalibrationBins,
        BootstrapOptions? options = null)
    {
        RequireRows(labels.Length);
        var rows = ScoreRows.Multiclass(labels, probabilities, classCount, bins);
        return RowBootstrapEngine.Run(rows, null, null, MulticlassScoreNames, options ?? BootstrapOptions.Default);
    }

    internal static IReadOnlyList<string> BinaryScoreNames { get; } =
        [MetricNames.RocAuc, MetricNames.LogLoss, MetricNames.BrierScore, MetricNames.ExpectedCalibrationError];

    internal static IReadOnlyList<string> MulticlassScoreNames { get; } =
        [MetricNames.LogLoss, MetricNames.BrierScore, MetricNames.TopLabelCalibrationError];

    internal static void RequireRows(long rows)
    {
        if (rows == 0)
        {
            throw new ArgumentException("There are no rows to resample.");
        }
    }
}
