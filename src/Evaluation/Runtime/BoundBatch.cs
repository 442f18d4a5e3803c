using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// One batch ready for the hot loop: inputs in pre-allocated tensors and numeric outputs pre-bound through
/// <see cref="OrtIoBinding"/>, so a call costs ONNX Runtime's work and next to nothing else (onnxruntime-notes §3).
/// </summary>
internal sealed class BoundBatch : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunTermination _termination;
    private readonly OrtIoBinding _binding;
    private readonly List<OrtValue> _inputs = [];
    private readonly List<(string Name, OrtValue Value, TensorElementType Type, int Length)> _outputs = [];

    /// <param name="session">The session.</param>
    /// <param name="inputs">The batch's inputs.</param>
    /// <param name="cancellationToken">Stops a call in flight (after its current operator) and fails every later one.</param>
    public BoundBatch(ModelSession session, IReadOnlyList<GeneratedInput> inputs, CancellationToken cancellationToken = default)
    {
        _session = session.Inner;
        _termination = new RunTermination(cancellationToken);
        _binding = _session.CreateIoBinding();
        try
        {
            foreach (var input in inputs)
            {
                var value = TensorElements.Create(input.Spec.ElementType, input.Data, input.Shape);
                _inputs.Add(value);
                _binding.BindInput(input.Spec.Name, value);
            }

            // The first run lets ONNX Runtime allocate the outputs, which gives their shapes; then they are pre-bound.
            foreach (var name in _session.OutputNames)
            {
                _binding.BindOutputToDevice(name, OrtMemoryInfo.DefaultInstance);
            }

            var started = Stopwatch.GetTimestamp();
            Run();
            FirstRunTime = Stopwatch.GetElapsedTime(started);
            BindOutputs();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The first call, before the outputs were bound: for a new session, its cold start.</summary>
    public TimeSpan FirstRunTime { get; }

    /// <summary>One call on the bound tensors; the outputs land in the pre-bound ones.</summary>
    public void Run()
    {
        try
        {
            _session.RunWithBinding(_termination.Options, _binding);
        }
        catch (OnnxRuntimeException e)
        {
            throw _termination.Translate(e);
        }
    }

    /// <summary>A copy of the numeric outputs of the last call.</summary>
    public GoldenOutputs ReadOutputs()
    {
        var values = new float[_outputs.Count][];
        for (var i = 0; i < _outputs.Count; i++)
        {
            var (_, value, type, length) = _outputs[i];
            values[i] = new float[length];
            TensorElements.CopyAsFloat(value, type, values[i]);
        }

        return new GoldenOutputs([.. _outputs.Select(o => o.Name)], values);
    }

    public void Dispose()
    {
        _binding.Dispose();
        _termination.Dispose();
        foreach (var value in _inputs)
        {
            value.Dispose();
        }

        foreach (var output in _outputs)
        {
            output.Value.Dispose();
        }
    }

    private void BindOutputs()
    {
        var names = _binding.GetOutputNames();
        using var produced = _binding.GetOutputValues();
        _binding.ClearBoundOutputs();
        var index = 0;
        foreach (var value in produced)
        {
            var name = names[index++];
            OrtTensorTypeAndShapeInfo? shapeInfo = value.OnnxType == OnnxValueType.ONNX_TYPE_TENSOR ? value.GetTensorTypeAndShape() : null;
            if (shapeInfo is { } info && TensorElements.IsNumeric(info.ElementDataType))
            {
                var output = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, info.ElementDataType, info.Shape);
                _outputs.Add((name, output, info.ElementDataType, checked((int)info.ElementCount)));
                _binding.BindOutput(name, output);
            }
            else
            {
                // Strings, maps and sequences cannot be pre-allocated; ONNX Runtime allocates them on each call.
                _binding.BindOutputToDevice(name, OrtMemoryInfo.DefaultInstance);
            }
        }
    }
}
