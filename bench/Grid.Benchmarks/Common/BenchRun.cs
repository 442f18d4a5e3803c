using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ModelGrid.Benchmarks.Common;

/// <summary>
/// What every benchmark run sets up first: a cancellation that Ctrl+C and SIGTERM trigger (so the run can remove its
/// servers and files instead of dying), a clock, and a log on standard error stamped with the time since the start.
/// </summary>
public sealed class BenchRun : IDisposable
{
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public BenchRun(CancellationToken cancellationToken)
    {
        Cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled by the caller's token, Ctrl+C or SIGTERM.</summary>
    public CancellationTokenSource Cancellation { get; }

    /// <summary>Started with the run.</summary>
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>Writes <c>[mm:ss] line</c> to standard error.</summary>
    public void Log(string line) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {line}");

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        Cancellation.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        Cancellation.Cancel();
    }
}
