namespace ModelGrid.Evaluation.Runtime;

/// <summary>ONNX Runtime failed while running the model (its message is kept), or an output cannot be read as numbers.</summary>
public sealed class ModelRunException(string message, Exception? inner = null) : Exception(message, inner);
