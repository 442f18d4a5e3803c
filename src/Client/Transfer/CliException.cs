namespace ModelGrid.Client.Transfer;

/// <summary>A problem with what the user asked for, reported in one line (exit code 2).</summary>
public sealed class CliException(string message) : Exception(message);
