namespace ModelGrid.Benchmarks.Common;

/// <summary>How a finished command went: exit code, output, and wall time from start to exit.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>Throws with the command's output unless it exited with 0.</summary>
    public CommandResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Command}' exited with {ExitCode}: {Stderr.Trim()} {Stdout.Trim()}");
        }

        return this;
    }
}
