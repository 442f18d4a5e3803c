using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Benchmarks.Generation;

/// <summary>
/// Greedy decoding on the KV graph as a user writes it with ONNX Runtime alone: the grid's session options (with ONNX
/// Runtime's default CPU arena, which serves the per-step outputs), the
/// OrtValue <c>Run</c> call, each step's <c>present.*</c> outputs fed back as the next step's <c>past_key_values.*</c>
/// (no copy), an argmax over the last logits. It knows the stories260K graph's names and shapes; nothing is discovered.
/// </summary>
public sealed class BareGenerationLoop : IDisposable
{
    private const int Layers = 5;
    private const int KvHeads = 4;
    private const int HeadSize = 8;
    private const int Vocabulary = 512;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public BareGenerationLoop(string modelPath, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelPath, options);
        var cache = Enumerable.Range(0, Layers).SelectMany(i => new[] { $"{i}.key", $"{i}.value" }).ToArray();
        _inputNames = ["input_ids", .. cache.Select(c => "past_key_values." + c)];
        _outputNames = ["logits", .. cache.Select(c => "present." + c)];
    }

    /// <summary>Generates <paramref name="tokens"/> tokens per row after <paramref name="prompt"/> (every row the same).</summary>
    public (int[] Tokens, TimeSpan Decode, long DecodeBytes) Generate(int batch, int[] prompt, int tokens)
    {
        var generated = new int[batch * tokens];
        var ids = new long[batch * prompt.Length];
        for (var r = 0; r < batch; r++)
        {
            for (var t = 0; t < prompt.Length; t++)
            {
                ids[(r * prompt.Length) + t] = prompt[t];
            }
        }

        var inputs = new OrtValue[_inputNames.Length];
        inputs[0] = OrtValue.CreateTensorValueFromMemory(ids, [batch, prompt.Length]);
        for (var i = 1; i < inputs.Length; i++)
        {
            inputs[i] = OrtValue.CreateTensorValueFromMemory(Array.Empty<float>(), [batch, KvHeads, 0, HeadSize]);
        }

        var outputs = _session.Run(_runOptions, _inputNames, inputs, _outputNames);
        foreach (var input in inputs)
        {
            input.Dispose();
        }

        var next = new long[batch];
        using var nextValue = OrtValue.CreateTensorValueFromMemory(next, [batch, 1]);
        Pick(outputs[0], batch, prompt.Length, generated, tokens, 0, next);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var step = 1; step < tokens; step++)
        {
            inputs[0] = nextValue;
            for (var i = 1; i < inputs.Length; i++)
            {
                inputs[i] = outputs[i];
            }

            var previous = outputs;
            outputs = _session.Run(_runOptions, _inputNames, inputs, _outputNames);
            previous.Dispose();
            Pick(outputs[0], batch, 1, generated, tokens, step, next);
        }

        var decode = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        outputs.Dispose();
        return (generated, decode, bytes);
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static void Pick(OrtValue logits, int batch, int positions, int[] generated, int tokens, int step, long[] next)
    {
        var values = logits.GetTensorDataAsSpan<float>();
        for (var r = 0; r < batch; r++)
        {
            var last = values.Slice(((r * positions) + positions - 1) * Vocabulary, Vocabulary);
            var best = 0;
            for (var v = 1; v < Vocabulary; v++)
            {
                if (last[v] > last[best])
                {
                    best = v;
                }
            }

            generated[(r * tokens) + step] = best;
            next[r] = best;
        }
    }
}
