namespace ModelGrid.Evaluation.Runtime;

/// <summary>The model file, an initializer or an input it declares is too large to run within the memory ceiling.</summary>
public sealed class ModelTooLargeException(string message) : Exception(message);
