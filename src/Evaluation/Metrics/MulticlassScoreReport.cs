namespace ModelGrid.Evaluation.Metrics;

/// <summary>Score metrics of multiclass probabilities (definitions: <see cref="MulticlassMetrics.EvaluateScores"/>).</summary>
/// <param name="Count">The number of rows.</param>
/// <param name="LogLoss">Mean −log p_y after clipping to [2^−52, 1 − 2^−52] and renormalising each row.</param>
/// <param name="BrierScore">Mean over rows of Σ_k (p_k − 1[y = k])².</param>
/// <param name="TopLabelCalibrationError">Top-label ECE over <paramref name="CalibrationBins"/> equal-width bins.</param>
/// <param name="CalibrationBins">M, the number of calibration bins.</param>
public sealed record MulticlassScoreReport(long Count, double LogLoss, double BrierScore, double TopLabelCalibrationError, int CalibrationBins);
