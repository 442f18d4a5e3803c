namespace ModelGrid.Evaluation.Reporting;

/// <summary>The table of definitions (shared/specs/fairness.md §1 has the sources' exact semantics).</summary>
public static partial class MetricGlossary
{
    private const string Rates = "Rates (per group and over all rows)";
    private const string Scores = "Scores and calibration";
    private const string Multiclass = "Multiclass";
    private const string Fairlearn = "Fairlearn disparities (positive prediction, all groups)";
    private const string Aif360 = "AIF360 comparison (favourable outcome, privileged group against the rest)";
    private const string Throughput = "Throughput";
    private const string Higher = "higher";
    private const string Lower = "lower";
    private const string NearZero = "closer to 0 (0: every group the same)";
    private const string NearOne = "closer to 1 (1: every group the same)";

    /// <summary>Every metric the grid reports, by the first part of its name.</summary>
    public static IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("selection_rate", "selection rate", Rates,
            "The share of rows the model predicts positive (ŷ = 1), whatever their true label; the basis of demographic parity.",
            "(TP + FP) / n", "Fairlearn `selection_rate`",
            "neither in itself: compare groups with demographic_parity_difference"),
        new("true_positive_rate", "true positive rate (recall)", Rates,
            "The share of actual positives (y = 1) the model predicts positive; the basis of equal opportunity.",
            "TP / (TP + FN)", "Fairlearn `true_positive_rate` (scikit-learn `recall_score`)", Higher),
        new("false_positive_rate", "false positive rate", Rates,
            "The share of actual negatives (y = 0) the model wrongly predicts positive; in compas-recidivism, people not charged again who were rated high risk.",
            "FP / (FP + TN)", "Fairlearn `false_positive_rate`", Lower),
        new("false_negative_rate", "false negative rate", Rates,
            "The share of actual positives (y = 1) the model wrongly predicts negative.",
            "FN / (TP + FN)", "Fairlearn `false_negative_rate`", Lower),
        new("accuracy", "accuracy", Rates,
            "The share of rows predicted correctly; for a multiclass suite, the share whose most probable class is the true one.",
            "(TP + TN) / n; multiclass: Σ_k C[k, k] / n", "scikit-learn `accuracy_score`", Higher),
        new("balanced_accuracy", "balanced accuracy", Rates,
            "The mean recall over the classes present in the true labels, so a rare class counts as much as a common one.",
            "(TPR + TNR) / 2; multiclass: mean over classes of C[k, k] / support_k", "scikit-learn `balanced_accuracy_score`", Higher),
        new("precision", "precision", Rates,
            "The share of rows predicted positive that are actually positive.",
            "TP / (TP + FP)", "scikit-learn `precision_score`", Higher),
        new("f1", "F1 score", Rates,
            "The harmonic mean of precision and recall.",
            "2·TP / (2·TP + FP + FN)", "scikit-learn `f1_score`", Higher),
        new("roc_auc", "ROC AUC", Scores,
            "The probability that a random actual positive gets a higher score than a random actual negative (ties count ½); 0.5 is chance.",
            "Mann–Whitney U / (P·N) over the scores P(y = 1)", "scikit-learn `roc_auc_score`", Higher),
        new("log_loss", "log-loss", Scores,
            "The mean negative log-probability the model gives the true class (cross-entropy); confident mistakes cost most.",
            "−(1/n) Σ_i log p_i(y_i), p clipped to [ε, 1 − ε], ε = 2^−52", "scikit-learn `log_loss`", Lower),
        new("brier_score", "Brier score", Scores,
            "The mean squared difference between the predicted probability and the outcome.",
            "(1/n) Σ_i (p_i − y_i)²; multiclass: (1/n) Σ_i Σ_k (p_ik − 1[y_i = k])²", "scikit-learn `brier_score_loss` (binary)", Lower),
        new("expected_calibration_error", "expected calibration error", Scores,
            "How far predicted probabilities are from observed frequencies: the rows are binned by P(y = 1) into the suite's equal-width bins (lo, hi], and each bin's gap is weighted by its share of rows.",
            "Σ_m (|B_m| / n)·|mean(y) − mean(p)| over bins B_m", "torchmetrics `binary_calibration_error` (norm l1)", Lower),
        new("top_label_calibration_error", "top-label calibration error", Multiclass,
            "Expected calibration error of the most probable class: each row's confidence is its largest probability and it is correct when that class is the true one.",
            "Σ_m (|B_m| / n)·|accuracy(B_m) − mean confidence(B_m)|", "torchmetrics `multiclass_calibration_error` (norm l1; Guo et al. 2017)", Lower),
        new("macro_precision", "macro precision", Multiclass,
            "The unweighted mean of each class's precision over the classes that occur or are predicted.",
            "mean_k C[k, k] / Σ_j C[j, k]", "scikit-learn `precision_score(average=\"macro\")`", Higher),
        new("macro_recall", "macro recall", Multiclass,
            "The unweighted mean of each class's recall.",
            "mean_k C[k, k] / Σ_j C[k, j]", "scikit-learn `recall_score(average=\"macro\")`", Higher),
        new("macro_f1", "macro F1", Multiclass,
            "The unweighted mean of each class's F1 score.",
            "mean_k 2·C[k, k] / (support_k + predicted_k)", "scikit-learn `f1_score(average=\"macro\")`", Higher),
        new("demographic_parity_difference", "demographic parity difference", Fairlearn,
            "How far apart the groups' selection rates are: how much more often the model predicts positive for one group than for another.",
            "max_g SR_g − min_g SR_g (between_groups); max_g |SR_g − SR_overall| (to_overall)", "Fairlearn `demographic_parity_difference`", NearZero),
        new("demographic_parity_ratio", "demographic parity ratio", Fairlearn,
            "The smallest group selection rate as a share of the largest.",
            "min_g SR_g / max_g SR_g (between_groups); min_g of SR_g / SR_overall folded to ≤ 1 (to_overall)", "Fairlearn `demographic_parity_ratio`", NearOne),
        new("equalized_odds_difference", "equalized odds difference", Fairlearn,
            "How far apart the groups' error rates are, on both kinds of error: it combines the difference in true positive rate and the difference in false positive rate.",
            "max(TPR difference, FPR difference) (worst_case); their mean (mean)", "Fairlearn `equalized_odds_difference`", NearZero),
        new("equalized_odds_ratio", "equalized odds ratio", Fairlearn,
            "The ratio form of equalized odds: it combines the ratio of true positive rates and the ratio of false positive rates.",
            "min(TPR ratio, FPR ratio) (worst_case); their mean (mean)", "Fairlearn `equalized_odds_ratio`", NearOne),
        new("equal_opportunity_difference", "equal opportunity difference", Fairlearn,
            "How far apart the groups' true positive rates are: whether actual positives are recognised equally often in every group.",
            "max_g TPR_g − min_g TPR_g (between_groups)", "Fairlearn `equal_opportunity_difference`", NearZero),
        new("equal_opportunity_ratio", "equal opportunity ratio", Fairlearn,
            "The smallest group true positive rate as a share of the largest.",
            "min_g TPR_g / max_g TPR_g (between_groups)", "Fairlearn `equal_opportunity_ratio`", NearOne),
        new("aif360.statistical_parity_difference", "statistical parity difference (AIF360)", Aif360,
            "How much less (negative) or more (positive) often the unprivileged rows get the favourable outcome than the privileged group. The favourable outcome is the one the suite declares (fairness.favourable): ŷ = 0 in compas-recidivism (predicted not to be charged again), ŷ = 1 in adult-income; the unprivileged rows are every row outside the privileged group.",
            "P(ŷ = fav | unprivileged) − P(ŷ = fav | privileged)", "AIF360 `ClassificationMetric.statistical_parity_difference` (sklearn API `statistical_parity_difference`)",
            "closer to 0; below 0 the unprivileged rows get the favourable outcome less often"),
        new("aif360.disparate_impact", "disparate impact (AIF360)", Aif360,
            "The rate at which the unprivileged rows get the favourable outcome as a share of the privileged group's rate, not folded: above 1 the unprivileged rows get it more often. The favourable outcome is the one the suite declares (fairness.favourable): ŷ = 0 in compas-recidivism (predicted not to be charged again), ŷ = 1 in adult-income.",
            "P(ŷ = fav | unprivileged) / P(ŷ = fav | privileged)", "AIF360 `ClassificationMetric.disparate_impact` (sklearn API `disparate_impact_ratio`)",
            "closer to 1; below 0.8 fails the four-fifths rule"),
        new("aif360.equal_opportunity_difference", "equal opportunity difference (AIF360)", Aif360,
            "The difference in true positive rate between the unprivileged rows and the privileged group, taken on the favourable label: how much less often rows whose true outcome is favourable are predicted favourable.",
            "TPR_unprivileged − TPR_privileged, TPR = P(ŷ = fav | y = fav)", "AIF360 `ClassificationMetric.equal_opportunity_difference`", "closer to 0"),
        new("aif360.average_odds_difference", "average odds difference (AIF360)", Aif360,
            "The mean of the false positive rate difference and the true positive rate difference, on the favourable label. Signed, so opposite differences cancel: 0 does not mean equalized odds.",
            "½[(FPR_u − FPR_p) + (TPR_u − TPR_p)], FPR = P(ŷ = fav | y ≠ fav)", "AIF360 `ClassificationMetric.average_odds_difference`", "closer to 0"),
        new("aif360.average_abs_odds_difference", "average absolute odds difference (AIF360)", Aif360,
            "The mean of the absolute false positive rate difference and the absolute true positive rate difference, on the favourable label.",
            "½(|FPR_u − FPR_p| + |TPR_u − TPR_p|)", "AIF360 `ClassificationMetric.average_abs_odds_difference` (sklearn API `average_odds_error`)", "closer to 0"),
        new("samples_per_second", "samples/s", Throughput,
            "Rows the model processes per second at one batch size and one intra-op thread count, after a warm-up that settled, with inputs and outputs bound in advance (IO binding).",
            "batch size × timed calls / wall-clock time of those calls", "the grid's throughput runner (ONNX Runtime `Run` with IO binding)", Higher),
        new("latency_p50_ms", "latency p50 (ms)", Throughput,
            "The median wall-clock time of one call (one batch), in milliseconds.",
            "50th percentile of the timed calls' durations", "the grid's throughput runner", Lower),
        new("latency_p90_ms", "latency p90 (ms)", Throughput,
            "The 90th percentile of the wall-clock time of one call (one batch), in milliseconds; in the throughput table only.",
            "90th percentile of the timed calls' durations", "the grid's throughput runner", Lower),
        new("latency_p99_ms", "latency p99 (ms)", Throughput,
            "The 99th percentile of the wall-clock time of one call (one batch), in milliseconds: the slow tail.",
            "99th percentile of the timed calls' durations", "the grid's throughput runner", Lower),
    ];

    /// <summary>The parts of names that say how a metric was taken.</summary>
    public static IReadOnlyList<MetricQualifier> Qualifiers { get; } =
    [
        new("overall", "Taken over all rows of the suite."),
        new("group[…]", "Taken on the rows of one group only; a group below the suite's minimum size is not reported."),
        new("group_min", "The smallest value over the groups that take part in disparities (Fairlearn `MetricFrame.group_min`).", "neither in itself"),
        new("group_max", "The largest value over the groups that take part in disparities (Fairlearn `MetricFrame.group_max`).", "neither in itself"),
        new("difference", "How far apart the groups' values are (Fairlearn `MetricFrame.difference`).", NearZero),
        new("ratio", "The smallest group value as a share of the largest (Fairlearn `MetricFrame.ratio`).", NearOne),
        new("between_groups", "Compares the groups with each other: largest minus smallest, or smallest over largest (Fairlearn method=\"between_groups\"), over the groups with at least the minimum number of rows."),
        new("to_overall", "Compares each group with all rows: the largest absolute difference between a group's value and the value over all rows, or the smallest ratio of the two folded to at most 1 (Fairlearn method=\"to_overall\")."),
        new("worst_case", "Takes the worse of the true positive rate and false positive rate parts (Fairlearn agg=\"worst_case\")."),
        new("mean", "Takes the mean of the true positive rate and false positive rate parts (Fairlearn agg=\"mean\")."),
        new("batch_N", "Measured with N rows per call."),
        new("threads_N", "Measured with N intra-op threads."),
    ];
}
