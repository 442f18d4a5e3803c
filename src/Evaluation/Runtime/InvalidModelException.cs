namespace ModelGrid.Evaluation.Runtime;

/// <summary>The file is not a model ONNX Runtime can load.</summary>
public sealed class InvalidModelException(string message, Exception? inner = null) : Exception(message, inner);
