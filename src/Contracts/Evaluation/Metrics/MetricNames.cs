namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// The names under which bootstrap intervals are reported (the bootstrap result's intervals), in Fairlearn's
/// words: <c>overall.selection_rate</c>, <c>group[a, 8].true_positive_rate</c>,
/// <c>selection_rate.difference.between_groups</c>, <c>equalized_odds_difference.mean.to_overall</c>,
/// <c>aif360.disparate_impact</c>, <c>roc_auc</c>, <c>macro_f1</c>.
/// </summary>
public static class MetricNames
{
    /// <summary>ROC AUC.</summary>
    public const string RocAuc = "roc_auc";

    /// <summary>Log-loss (cross-entropy).</summary>
    public const string LogLoss = "log_loss";

    /// <summary>Brier score.</summary>
    public const string BrierScore = "brier_score";

    /// <summary>Expected calibration error, positive-class variant (binary).</summary>
    public const string ExpectedCalibrationError = "expected_calibration_error";

    /// <summary>Expected calibration error, top-label variant (multiclass).</summary>
    public const string TopLabelCalibrationError = "top_label_calibration_error";

    /// <summary>Multiclass accuracy.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Multiclass balanced accuracy.</summary>
    public const string BalancedAccuracy = "balanced_accuracy";

    /// <summary>Macro-averaged precision.</summary>
    public const string MacroPrecision = "macro_precision";

    /// <summary>Macro-averaged recall.</summary>
    public const string MacroRecall = "macro_recall";

    /// <summary>Macro-averaged F1.</summary>
    public const string MacroF1 = "macro_f1";

    /// <summary>AIF360 statistical parity difference.</summary>
    public const string StatisticalParityDifference = "aif360.statistical_parity_difference";

    /// <summary>AIF360 disparate impact.</summary>
    public const string DisparateImpact = "aif360.disparate_impact";

    /// <summary>AIF360 equal opportunity difference (signed).</summary>
    public const string Aif360EqualOpportunityDifference = "aif360.equal_opportunity_difference";

    /// <summary>AIF360 average odds difference (signed).</summary>
    public const string AverageOddsDifference = "aif360.average_odds_difference";

    /// <summary>AIF360 average absolute odds difference.</summary>
    public const string AverageAbsoluteOddsDifference = "aif360.average_abs_odds_difference";

    private static readonly string[] RateNames =
    [
        "selection_rate", "true_positive_rate", "false_positive_rate", "false_negative_rate",
        "accuracy", "balanced_accuracy", "precision", "f1",
    ];

    /// <summary>The snake_case name of a rate ("true_positive_rate").</summary>
    public static string Of(BinaryRate rate) => RateNames[(int)rate];

    /// <summary>The snake_case name of a method ("between_groups", "to_overall").</summary>
    public static string Of(DisparityMethod method) => method == DisparityMethod.BetweenGroups ? "between_groups" : "to_overall";

    /// <summary>A rate over all rows: <c>overall.{rate}</c>.</summary>
    public static string Overall(BinaryRate rate) => $"overall.{Of(rate)}";

    /// <summary>A rate of one group: <c>group[{name}].{rate}</c>.</summary>
    public static string Group(GroupKey group, BinaryRate rate)
    {
        ArgumentNullException.ThrowIfNull(group);
        return $"group[{group.Name}].{Of(rate)}";
    }

    /// <summary><c>{rate}.group_min</c>.</summary>
    public static string GroupMin(BinaryRate rate) => $"{Of(rate)}.group_min";

    /// <summary><c>{rate}.group_max</c>.</summary>
    public static string GroupMax(BinaryRate rate) => $"{Of(rate)}.group_max";

    /// <summary><c>{rate}.difference.{method}</c>.</summary>
    public static string Difference(BinaryRate rate, DisparityMethod method) => $"{Of(rate)}.difference.{Of(method)}";

    /// <summary><c>{rate}.ratio.{method}</c>.</summary>
    public static string Ratio(BinaryRate rate, DisparityMethod method) => $"{Of(rate)}.ratio.{Of(method)}";

    /// <summary><c>demographic_parity_difference.{method}</c>.</summary>
    public static string DemographicParityDifference(DisparityMethod method) => $"demographic_parity_difference.{Of(method)}";

    /// <summary><c>demographic_parity_ratio.{method}</c>.</summary>
    public static string DemographicParityRatio(DisparityMethod method) => $"demographic_parity_ratio.{Of(method)}";

    /// <summary><c>equalized_odds_difference.{worst_case|mean}.{method}</c>.</summary>
    public static string EqualizedOddsDifference(DisparityMethod method, bool mean = false) =>
        $"equalized_odds_difference.{Aggregation(mean)}.{Of(method)}";

    /// <summary><c>equalized_odds_ratio.{worst_case|mean}.{method}</c>.</summary>
    public static string EqualizedOddsRatio(DisparityMethod method, bool mean = false) =>
        $"equalized_odds_ratio.{Aggregation(mean)}.{Of(method)}";

    /// <summary><c>equal_opportunity_difference.{method}</c>.</summary>
    public static string EqualOpportunityDifference(DisparityMethod method) => $"equal_opportunity_difference.{Of(method)}";

    /// <summary><c>equal_opportunity_ratio.{method}</c>.</summary>
    public static string EqualOpportunityRatio(DisparityMethod method) => $"equal_opportunity_ratio.{Of(method)}";

    /// <summary>A multiclass accuracy of one group (paired multiclass bootstrap): <c>group[{name}].accuracy</c>.</summary>
    public static string GroupAccuracy(GroupKey group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return $"group[{group.Name}].{Accuracy}";
    }

    /// <summary>Throughput: <c>samples_per_second.batch_{b}.threads_{t}</c>.</summary>
    public static string SamplesPerSecond(int batchSize, int threads) => Throughput("samples_per_second", batchSize, threads);

    /// <summary>Throughput: <c>latency_p50_ms.batch_{b}.threads_{t}</c>.</summary>
    public static string LatencyP50Ms(int batchSize, int threads) => Throughput("latency_p50_ms", batchSize, threads);

    /// <summary>Throughput: <c>latency_p99_ms.batch_{b}.threads_{t}</c>.</summary>
    public static string LatencyP99Ms(int batchSize, int threads) => Throughput("latency_p99_ms", batchSize, threads);

    private static string Throughput(string measure, int batchSize, int threads) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{measure}.batch_{batchSize}.threads_{threads}");

    private static string Aggregation(bool mean) => mean ? "mean" : "worst_case";
}
