using Microsoft.ML.OnnxRuntime;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Everything a greedy generation on a KV graph touches, allocated before its first token: the id, position and mask
/// tensors, two buffers per cache tensor used in turn (a step reads the past from one and writes the present into the
/// other, so the cache is never copied), a tensor view of each buffer for every length the run reaches, and one IO
/// binding per step. A graph without an attention mask makes every row share one past length, so rows have prompts of
/// the same length. Only the decode loop's own work is left: writing ids, one bound call, picking the next tokens.
/// </summary>
internal sealed class KvDecodeBindings : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly OrtIoBinding[] _steps;

    public KvDecodeBindings(CausalLanguageModel model, int batch, int promptLength, int newTokens, int vocabulary)
    {
        var graph = model.Graph;
        var session = model.Inner;
        Batch = batch;
        PromptLength = promptLength;
        Vocabulary = vocabulary;
        var total = promptLength + newTokens;
        var cacheTensors = graph.Layers.SelectMany(l => new[] { (l.PastKey, l.PresentKey), (l.PastValue, l.PresentValue) }).ToArray();
        var perPosition = graph.KvHeads * graph.HeadSize;
        try
        {
            PrefillIds = new long[batch * promptLength];
            StepIds = new long[batch];
            StepPositions = new long[batch];
            PrefillLogits = new float[batch * promptLength * vocabulary];
            StepLogits = new float[batch * vocabulary];
            var ones = new long[batch * total];
            Array.Fill(ones, 1L);
            var prefillPositions = new long[batch * promptLength];
            for (var i = 0; i < prefillPositions.Length; i++)
            {
                prefillPositions[i] = i % promptLength;
            }

            // views[tensor][length]: the buffer of that length's parity, shaped [batch, heads, length, head size].
            var views = new OrtValue[cacheTensors.Length][];
            for (var c = 0; c < cacheTensors.Length; c++)
            {
                float[][] buffers = [new float[batch * total * perPosition], new float[batch * total * perPosition]];
                views[c] = new OrtValue[total + 1];
                for (var length = 0; length <= total; length++)
                {
                    views[c][length] = Own(Tensor(buffers[length % 2], [batch, graph.KvHeads, length, graph.HeadSize]));
                }
            }

            var prefillIds = Own(Tensor(PrefillIds, [batch, promptLength]));
            var stepIds = Own(Tensor(StepIds, [batch, 1]));
            var stepPositions = Own(Tensor(StepPositions, [batch, 1]));
            var prefillPositionValue = Own(Tensor(prefillPositions, [batch, promptLength]));
            var prefillLogits = Own(Tensor(PrefillLogits, [batch, promptLength, vocabulary]));
            var stepLogits = Own(Tensor(StepLogits, [batch, 1, vocabulary]));

            _steps = new OrtIoBinding[newTokens];
            for (var step = 0; step < newTokens; step++)
            {
                // Step 0 is the prefill: the prompt over an empty past. Step s > 0 feeds one token over a past of prompt + s - 1.
                var past = step == 0 ? 0 : promptLength + step - 1;
                var fed = step == 0 ? promptLength : 1;
                var binding = Own(session.CreateIoBinding());
                binding.BindInput(LanguageModelGraph.InputIds, step == 0 ? prefillIds : stepIds);
                if (graph.HasPositionIds)
                {
                    binding.BindInput(LanguageModelGraph.PositionIds, step == 0 ? prefillPositionValue : stepPositions);
                }

                if (graph.HasAttentionMask)
                {
                    binding.BindInput(LanguageModelGraph.AttentionMask, Own(Tensor(ones, [batch, past + fed])));
                }

                for (var c = 0; c < cacheTensors.Length; c++)
                {
                    binding.BindInput(cacheTensors[c].Item1, views[c][past]);
                    binding.BindOutput(cacheTensors[c].Item2, views[c][past + fed]);
                }

                binding.BindOutput(LanguageModelGraph.Logits, step == 0 ? prefillLogits : stepLogits);
                _steps[step] = binding;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Batch { get; }

    public int PromptLength { get; }

    public int Vocabulary { get; }

    /// <summary>The prompt, row after row.</summary>
    public long[] PrefillIds { get; }

    /// <summary>Each row's token fed at the next decode step.</summary>
    public long[] StepIds { get; }

    /// <summary>Each row's position at the next decode step (fed only when the graph takes positions).</summary>
    public long[] StepPositions { get; }

    public float[] PrefillLogits { get; }

    public float[] StepLogits { get; }

    /// <summary>The binding of step <paramref name="step"/> (0 is the prefill).</summary>
    public OrtIoBinding Step(int step) => _steps[step];

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    private static OrtValue Tensor<T>(T[] data, long[] shape)
        where T : unmanaged
    {
        var count = 1L;
        foreach (var dimension in shape)
        {
            count *= dimension;
        }

        return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, data.AsMemory(0, checked((int)count)), shape);
    }

    private T Own<T>(T value)
        where T : IDisposable
    {
        _owned.Add(value);
        return value;
    }
}
