using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Run options whose calls end when a token is cancelled: the registration sets <see cref="RunOptions.Terminate"/>,
/// which ONNX Runtime checks between operators, so a long call stops after the operator it is in instead of running
/// to its end; every later call with these options fails at once.
/// </summary>
internal sealed class RunTermination : IDisposable
{
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _registration;

    public RunTermination(CancellationToken token)
    {
        _token = token;
        Options = new RunOptions();
        _registration = token.Register(static options => ((RunOptions)options!).Terminate = true, Options);
    }

    public RunOptions Options { get; }

    /// <summary>What a failed call means: the cancellation when the token was cancelled, otherwise the model's failure.</summary>
    public Exception Translate(OnnxRuntimeException e) => _token.IsCancellationRequested
        ? new OperationCanceledException("the run was cancelled; ONNX Runtime stopped the call", e, _token)
        : new ModelRunException($"the model failed to run: {e.Message}", e);

    public void Dispose()
    {
        // Unregister first: the callback may still be setting the flag, and must not touch disposed options.
        _registration.Dispose();
        Options.Dispose();
    }
}
