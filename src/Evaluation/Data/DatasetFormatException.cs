namespace ModelGrid.Evaluation.Data;

/// <summary>A dataset file that does not hold what its format promises; the message names the file, the line and the fault.</summary>
public sealed class DatasetFormatException(string message, Exception? innerException = null) : Exception(message, innerException);
