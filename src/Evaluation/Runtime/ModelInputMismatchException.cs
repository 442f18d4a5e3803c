namespace ModelGrid.Evaluation.Runtime;

/// <summary>The inputs given to a run do not match the model's declared inputs (names, element types or shapes).</summary>
public sealed class ModelInputMismatchException(string message) : Exception(message);
