using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ModelGrid.Benchmarks.Throughput;

/// <summary>
/// The simplest fast loop a user would write with ONNX Runtime alone: one session with the grid's session options, the
/// input in a pre-allocated tensor, outputs pre-allocated from the model's declared shapes and bound once through
/// <see cref="OrtIoBinding"/>, a fixed number of warm-up calls, then one stopwatch around the timed calls.
/// </summary>
public sealed class BareLoop : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtIoBinding _binding;
    private readonly List<OrtValue> _values = [];

    private BareLoop(InferenceSession session)
    {
        _session = session;
        _binding = session.CreateIoBinding();
    }

    /// <summary>The model's only input: its name and fixed shape.</summary>
    public static (string Name, long[] Shape) InputOf(string modelPath)
    {
        using var session = new InferenceSession(modelPath);
        var (name, metadata) = session.InputMetadata.Single();
        return (name, FixedShape(name, metadata));
    }

    /// <summary>Opens the model as the grid's session factory does on CPU and binds <paramref name="input"/> and every output.</summary>
    public static BareLoop Open(string modelPath, int intraOpThreads, float[] input)
    {
        // The options of OnnxSessionFactory.CreateOptions, written out as a user would.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var loop = new BareLoop(new InferenceSession(modelPath, options));
        try
        {
            var (name, metadata) = loop._session.InputMetadata.Single();
            var value = OrtValue.CreateTensorValueFromMemory(input, FixedShape(name, metadata));
            loop._values.Add(value);
            loop._binding.BindInput(name, value);
            foreach (var (output, outputMetadata) in loop._session.OutputMetadata)
            {
                var allocated = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, FixedShape(output, outputMetadata));
                loop._values.Add(allocated);
                loop._binding.BindOutput(output, allocated);
            }

            return loop;
        }
        catch
        {
            loop.Dispose();
            throw;
        }
    }

    /// <summary><paramref name="warmupCalls"/> untimed calls, then <paramref name="calls"/> timed ones; returns calls per second.</summary>
    public double Measure(int warmupCalls, int calls)
    {
        for (var i = 0; i < warmupCalls; i++)
        {
            _session.RunWithBinding(_runOptions, _binding);
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            _session.RunWithBinding(_runOptions, _binding);
        }

        return calls / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public void Dispose()
    {
        _binding.Dispose();
        _runOptions.Dispose();
        foreach (var value in _values)
        {
            value.Dispose();
        }

        _session.Dispose();
    }

    private static long[] FixedShape(string name, NodeMetadata metadata)
    {
        if (metadata.ElementDataType != TensorElementType.Float || metadata.Dimensions.Any(d => d < 0))
        {
            throw new InvalidOperationException($"'{name}' is not a float tensor of fixed shape; the bare loop handles fixed-shape float models only");
        }

        return [.. metadata.Dimensions.Select(d => (long)d)];
    }
}
