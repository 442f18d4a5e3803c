namespace ModelGrid.Client.Transfer;

/// <summary>A problem reported in one line, with its exit code (by default 2: a problem with what the user asked for).</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    /// <summary>The exit code <c>grid</c> ends with.</summary>
    public int ExitCode { get; } = exitCode;
}
