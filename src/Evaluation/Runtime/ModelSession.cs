using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>An opened model: its declared inputs and outputs, the provider it runs on, and runs. Thread-safe for runs.</summary>
public sealed partial class ModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly Dictionary<string, TensorSpec> _inputsByName;
    private readonly Dictionary<string, TensorSpec> _outputsByName;
    private bool _disposed;

    internal ModelSession(InferenceSession session, string requestedProvider, string actualProvider, string? fallbackReason, TimeSpan creationTime, int intraOpThreads)
    {
        _session = session;
        RequestedProvider = requestedProvider;
        ActualProvider = actualProvider;
        FallbackReason = fallbackReason;
        CreationTime = creationTime;
        IntraOpThreads = intraOpThreads;
        Inputs = [.. session.InputNames.Select(n => TensorElements.Spec(n, session.InputMetadata[n]))];
        Outputs = [.. session.OutputNames.Select(n => TensorElements.Spec(n, session.OutputMetadata[n]))];
        _inputsByName = Inputs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _outputsByName = Outputs.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>The provider asked for: <c>CUDA</c> (Auto or Gpu) or <c>CPU</c>.</summary>
    public string RequestedProvider { get; }

    /// <summary>The provider the session runs on: <c>CUDA</c> or <c>CPU</c>.</summary>
    public string ActualProvider { get; }

    /// <summary>Why CUDA is not used although it was requested; null otherwise.</summary>
    public string? FallbackReason { get; }

    /// <summary>How long opening took, including any CUDA attempt.</summary>
    public TimeSpan CreationTime { get; }

    public IReadOnlyList<TensorSpec> Inputs { get; }

    public IReadOnlyList<TensorSpec> Outputs { get; }

    public int IntraOpThreads { get; }

    internal InferenceSession Inner
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _session;
        }
    }

    /// <summary>
    /// Runs one batch and returns every output. Inputs must cover every model input (extra inputs are refused);
    /// dimensions the model declares as -1 take the given tensor's.
    /// </summary>
    /// <exception cref="ModelInputMismatchException">An input is missing, extra, of the wrong element type or shape.</exception>
    /// <exception cref="ModelRunException">ONNX Runtime failed, or an output is not numeric.</exception>
    public IReadOnlyList<OutputTensor> Run(IReadOnlyList<InputTensor> inputs) => Run(inputs, null);

    /// <summary>
    /// Runs one batch and returns the named outputs (all outputs when <paramref name="outputNames"/> is null).
    /// Cancelling <paramref name="cancellationToken"/> stops the call in ONNX Runtime after the operator it is in
    /// (<see cref="RunOptions.Terminate"/>) and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public IReadOnlyList<OutputTensor> Run(IReadOnlyList<InputTensor> inputs, IReadOnlyList<string>? outputNames, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(inputs);
        cancellationToken.ThrowIfCancellationRequested();
        var ordered = MatchInputs(inputs);
        var requested = RequestedOutputs(outputNames);

        using var termination = cancellationToken.CanBeCanceled ? new RunTermination(cancellationToken) : null;
        var values = new List<OrtValue>(ordered.Count);
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            foreach (var input in ordered)
            {
                values.Add(TensorElements.Create(input.ElementType, input.Data, input.Shape));
            }

            results = _session.Run(termination?.Options ?? _runOptions, [.. ordered.Select(i => i.Name)], values, requested);
        }
        catch (OnnxRuntimeException e)
        {
            throw termination?.Translate(e) ?? new ModelRunException($"the model failed to run: {e.Message}", e);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }

        using (results)
        {
            var outputs = new OutputTensor[requested.Length];
            var index = 0;
            foreach (var value in results)
            {
                outputs[index] = Read(requested[index], value);
                index++;
            }

            return outputs;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _runOptions.Dispose();
        _session.Dispose();
    }

    internal static OutputTensor Read(string name, OrtValue value)
    {
        if (value.OnnxType != OnnxValueType.ONNX_TYPE_TENSOR)
        {
            throw new ModelRunException($"output '{name}' is a {value.OnnxType} value, not a numeric tensor; run with the names of numeric outputs only");
        }

        var info = value.GetTensorTypeAndShape();
        if (!TensorElements.IsNumeric(info.ElementDataType))
        {
            throw new ModelRunException($"output '{name}' holds {info.ElementDataType} elements, not numbers; run with the names of numeric outputs only");
        }

        var data = new float[info.ElementCount];
        TensorElements.CopyAsFloat(value, info.ElementDataType, data);
        return new OutputTensor(name, info.Shape, data);
    }
}
