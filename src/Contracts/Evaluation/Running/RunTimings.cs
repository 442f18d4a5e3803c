namespace ModelGrid.Evaluation.Running;

/// <summary>How long each step took, in milliseconds.</summary>
/// <param name="DataMs">Reading and checking the data.</param>
/// <param name="SessionMs">Creating the ONNX Runtime session.</param>
/// <param name="InferenceMs">Running the model over every row.</param>
/// <param name="MetricsMs">Metrics and bootstrap intervals.</param>
public sealed record RunTimings(double DataMs, double SessionMs, double InferenceMs, double MetricsMs);
