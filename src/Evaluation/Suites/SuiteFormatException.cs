namespace ModelGrid.Evaluation.Suites;

/// <summary>A suite spec that does not parse or does not pass the schema check; the message names the file and the key.</summary>
public sealed class SuiteFormatException(string message, Exception? inner = null) : Exception(message, inner);
