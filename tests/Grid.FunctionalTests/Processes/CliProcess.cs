using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>The <c>grid</c> CLI running as a child process: its output so far, a way to wait for a line, and Ctrl+C.</summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaitedErrors = [];

    private CliProcess(Process process) => _process = process;

    public static CliProcess Start(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var child = new CliProcess(new Process { StartInfo = info });
        child._process.OutputDataReceived += (_, e) => child.Append(child._stdout, e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(child._stderr, e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        child._process.StandardInput.Close();
        return child;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when standard output holds <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text) => WaitForAsync(_stdout, _awaited, text);

    /// <summary>Completes when standard error holds <paramref name="text"/> (a note the CLI prints while it waits, say).</summary>
    public Task WaitForErrorAsync(string text) => WaitForAsync(_stderr, _awaitedErrors, text);

    private static Task WaitForAsync(StringBuilder stream, List<(string Text, TaskCompletionSource Seen)> awaited, string text)
    {
        lock (stream)
        {
            if (stream.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            awaited.Add((text, seen));
            return seen.Task;
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the exit (killing the process after <paramref name="timeout"/>) and returns what it printed.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the CLI did not exit within {timeout}: {_stdout}{_stderr}");
        }

        // The exit comes before the last output events; the parameterless wait drains them.
        await _process.WaitForExitAsync();
        lock (_stdout)
        {
            lock (_stderr)
            {
                return new CliResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder into, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.Append(line).Append('\n');
            var awaited = ReferenceEquals(into, _stdout) ? _awaited : _awaitedErrors;
            var text = into.ToString();
            foreach (var waiting in awaited.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiting.Seen.TrySetResult();
                awaited.Remove(waiting);
            }
        }
    }
}
