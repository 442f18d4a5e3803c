using System.Diagnostics;

namespace ModelGrid.Benchmarks.Common;

/// <summary>Runs a tool (curl, openssl, nginx -v…) to its end and times it from start to exit.</summary>
public static class ExternalCommand
{
    public static Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, [], cancellationToken);

    /// <summary>Runs the tool with <paramref name="unsetVariables"/> removed from its environment (and only from its own).</summary>
    public static async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, IReadOnlyList<string> unsetVariables, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var variable in unsetVariables)
        {
            info.Environment.Remove(variable);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var text = $"{fileName} {string.Join(' ', arguments)}";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start '{text}'");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        clock.Stop();
        return new CommandResult(text, process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
