namespace ModelGrid.Evaluation.Suites;

/// <summary>Which model output is scored and how.</summary>
/// <param name="Name">The output's name; null for the model's first output.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Threshold">Binary: a probability at or above it predicts the positive class.</param>
public sealed record OutputSpec(string? Name, OutputKind Kind, double Threshold);
