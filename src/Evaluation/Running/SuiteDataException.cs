namespace ModelGrid.Evaluation.Running;

/// <summary>Data that do not fit what the suite declares (an undeclared label or level, a missing value, a bad number).</summary>
public sealed class SuiteDataException(string message) : Exception(message);
