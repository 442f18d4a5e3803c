using System.Runtime.InteropServices;

namespace ModelGrid.Client.Cli;

/// <summary>
/// Ctrl+C (SIGINT), handled once for every command: the first cancels the command's token, so a transfer or a wait
/// stops where it is and keeps what it has (a partial download, an upload session, the submitted job), and
/// <see cref="GridCli"/> ends with one line and exit status 130; a second Ctrl+C ends the process at once.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _registration;
    private int _signals;

    public Interruption()
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    /// <summary>The token every command runs with.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Whether Ctrl+C was pressed.</summary>
    public bool Requested => _cancel.IsCancellationRequested;

    public void Dispose()
    {
        _registration.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) == 1)
        {
            // Handled here: the process goes on until the command has stopped. A second signal is left to the
            // system's default, which ends the process.
            context.Cancel = true;
            _cancel.Cancel();
        }
    }
}
