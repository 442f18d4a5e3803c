namespace ModelGrid.Evaluation.Metrics;

/// <summary>The score metrics of binary probabilities P(y = 1).</summary>
/// <param name="Count">The number of rows.</param>
/// <param name="Positives">Rows with y = 1.</param>
/// <param name="RocAuc">ROC AUC; NaN when a class is missing.</param>
/// <param name="LogLoss">Mean cross-entropy with probabilities clipped to [2^−52, 1 − 2^−52].</param>
/// <param name="BrierScore">Mean (p − y)².</param>
/// <param name="ExpectedCalibrationError">Positive-class ECE over <paramref name="CalibrationBins"/> equal-width bins.</param>
/// <param name="CalibrationBins">M, the number of calibration bins.</param>
/// <param name="Warnings">A missing class, for instance.</param>
public sealed record ScoreReport(
    long Count,
    long Positives,
    double RocAuc,
    double LogLoss,
    double BrierScore,
    double ExpectedCalibrationError,
    int CalibrationBins,
    IReadOnlyList<MetricWarning> Warnings);
