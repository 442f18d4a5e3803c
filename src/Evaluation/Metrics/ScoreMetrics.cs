namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Metrics of binary scores: labels 0/1 and probabilities P(y = 1) in [0, 1] (turn logits into probabilities first,
/// with <see cref="ProbabilityTransforms.Sigmoid(double)"/>).
/// </summary>
public static class ScoreMetrics
{
    /// <summary>The default number of calibration bins, M = 10 (torchmetrics uses 15, sklearn's calibration_curve 5).</summary>
    public const int DefaultCalibrationBins = 10;

    /// <summary>
    /// Log-loss clipping epsilon: probabilities are clipped to [ε, 1 − ε] with ε = 2^−52 = np.finfo(float64).eps,
    /// sklearn 1.2's default (<c>eps="auto"</c>).
    /// </summary>
    public const double LogLossEpsilon = ScoreRows.LogLossEpsilon;

    /// <summary>
    /// ROC AUC by Mann–Whitney with ties counted ½ (the same value as sklearn's <c>roc_auc_score</c>); NaN when
    /// the labels hold a single class.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Evaluate(labels, scores).RocAuc;

    /// <summary>
    /// Binary log-loss, sklearn 1.2's <c>log_loss</c>: p clipped to [ε, 1 − ε] (<see cref="LogLossEpsilon"/>), the
    /// columns [1 − p, p] renormalised, mean of −log of the true class. Unlike sklearn it is also reported when only one
    /// class is present (sklearn then needs <c>labels=[0, 1]</c>).
    /// </summary>
    public static double LogLoss(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Evaluate(labels, scores).LogLoss;

    /// <summary>Brier score, sklearn's <c>brier_score_loss</c>: mean of (p − y)².</summary>
    public static double BrierScore(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Evaluate(labels, scores).BrierScore;

    /// <summary>
    /// Expected calibration error, positive-class variant (torchmetrics <c>binary_calibration_error</c>, norm l1):
    /// Σ_m (|B_m| / n)·|mean(y) − mean(p)| over <paramref name="bins"/> equal-width bins (lo, hi] with edges m/M, the
    /// first bin also taking p = 0; empty bins contribute 0.
    /// </summary>
    public static double ExpectedCalibrationError(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, int bins = DefaultCalibrationBins) =>
        Evaluate(labels, scores, bins).ExpectedCalibrationError;

    /// <summary>All four score metrics in one pass (one sort for ROC AUC).</summary>
    /// <exception cref="ArgumentException">No rows, lengths differ, a label is not 0/1, or a score is not in [0, 1].</exception>
    public static ScoreReport Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, int bins = DefaultCalibrationBins)
    {
        if (labels.IsEmpty)
        {
            throw new ArgumentException("There are no rows to evaluate.", nameof(labels));
        }

        var rows = ScoreRows.Binary(labels, scores, bins);
        Span<double> values = stackalloc double[rows.MetricCount];
        rows.Evaluate([], [], values, new double[bins]);
        long positives = 0;
        foreach (var y in labels)
        {
            positives += y;
        }

        var warnings = new List<MetricWarning>();
        if (positives == 0 || positives == labels.Length)
        {
            warnings.Add(new MetricWarning(
                MetricWarningKind.MissingClass,
                MetricNames.RocAuc,
                $"Every label is {(positives == 0 ? 0 : 1)}: ROC AUC is undefined."));
        }

        return new ScoreReport(labels.Length, positives, values[0], values[1], values[2], values[3], bins, warnings);
    }
}
