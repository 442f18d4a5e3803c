namespace ModelGrid.Evaluation.Running;

/// <summary>A run went over its wall-clock limit or its memory ceiling and was stopped.</summary>
public sealed class RunLimitExceededException(string message, Exception? inner = null) : Exception(message, inner);
