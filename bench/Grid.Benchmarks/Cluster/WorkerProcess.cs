using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// A worker silo process of the run (<see cref="ClusterWorkerMode"/>): this benchmark's own executable started again,
/// commanded through its standard input, its reports read from its standard output.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Queue<string> _errors = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<string> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CompletionCounter? _counter;

    private WorkerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => _exited.Task;

    /// <summary>The last lines the process wrote to standard error.</summary>
    public string Errors()
    {
        lock (_errors)
        {
            return string.Join(Environment.NewLine, _errors);
        }
    }

    /// <summary>Starts the process and waits until its silo has joined the cluster.</summary>
    public static async Task<WorkerProcess> StartAsync(string name, string connectionString, string clusterId, int partitions, int slots, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            typeof(WorkerProcess).Assembly.Location, ClusterDispatchCommand.WorkerCommandName,
            "--connection-string", connectionString, "--cluster-id", clusterId,
            "--partitions", partitions.ToString(CultureInfo.InvariantCulture), "--slots", slots.ToString(CultureInfo.InvariantCulture), "--worker-id", name,
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(name, process);
        process.OutputDataReceived += (_, e) => worker.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => worker.OnError(e.Data);
        process.Exited += (_, _) => worker._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await worker.ExpectAsync("ready", timeout, cancellationToken);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>Forgets what the silo observed so far.</summary>
    public Task ResetAsync(CancellationToken cancellationToken) => SendAsync("take", "taken", cancellationToken);

    /// <summary>Starts the worker service, each job holding its slot for <paramref name="hold"/>; completions go to <paramref name="counter"/>.</summary>
    public Task StartDrainAsync(TimeSpan hold, CompletionCounter counter, CancellationToken cancellationToken)
    {
        _counter = counter;
        return SendAsync(string.Create(CultureInfo.InvariantCulture, $"start {hold.TotalMilliseconds}"), "started", cancellationToken);
    }

    /// <summary>Stops the worker service and returns what the silo observed.</summary>
    public async Task<SiloReport> StopDrainAsync(CancellationToken cancellationToken)
    {
        var line = await SendReplyAsync("stop", cancellationToken);
        _counter = null;
        if (!line.StartsWith("s ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Name} answered '{line}' to stop");
        }

        return JsonSerializer.Deserialize<SiloReport>(line[2..]) ?? throw new InvalidOperationException($"{Name} sent an empty report");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync("exit");
                await _process.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
                // Gone already.
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private async Task SendAsync(string command, string expected, CancellationToken cancellationToken)
    {
        var line = await SendReplyAsync(command, cancellationToken);
        if (line != expected)
        {
            throw new InvalidOperationException($"{Name} answered '{line}' to '{command}'");
        }
    }

    private async Task<string> SendReplyAsync(string command, CancellationToken cancellationToken)
    {
        _reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync(cancellationToken);
        return await WaitReplyAsync(StopTimeout, cancellationToken);
    }

    private async Task ExpectAsync(string expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var line = await WaitReplyAsync(timeout, cancellationToken);
        if (line != expected)
        {
            throw new InvalidOperationException($"{Name} said '{line}' where '{expected}' was expected");
        }
    }

    private async Task<string> WaitReplyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = _reply.Task;
        var finished = await Task.WhenAny(reply, _exited.Task, Task.Delay(timeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        if (finished == reply)
        {
            return await reply;
        }

        throw finished == _exited.Task
            ? new InvalidOperationException($"worker silo {Name} exited: {Errors()}")
            : new TimeoutException($"worker silo {Name} did not answer within {timeout}: {Errors()}");
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("c ", StringComparison.Ordinal))
        {
            _counter?.Add(long.Parse(line.AsSpan(2), CultureInfo.InvariantCulture));
            return;
        }

        _reply.TrySetResult(line);
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errors)
        {
            _errors.Enqueue(line);
            if (_errors.Count > 40)
            {
                _errors.Dequeue();
            }
        }
    }
}
