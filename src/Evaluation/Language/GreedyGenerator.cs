using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Greedy decoding on a KV graph for a fixed batch, prompt length and number of new tokens, with every tensor and
/// binding allocated up front (<see cref="KvDecodeBindings"/>), so the decode loop allocates no managed memory; it
/// times the prefill (time to first token) and each decode step. <see cref="WithoutCache"/> runs the same decoding by
/// feeding the whole sequence each step, the reference the cached tokens are checked against.
/// </summary>
public sealed class GreedyGenerator : IDisposable
{
    private readonly CausalLanguageModel _model;
    private readonly KvDecodeBindings _bindings;
    private readonly int _newTokens;
    private readonly int[] _tokens;
    private readonly long[] _stepTicks;

    /// <param name="model">A model whose graph has a KV cache.</param>
    /// <param name="batch">Rows generated together.</param>
    /// <param name="promptLength">Tokens of every row's prompt (rows share one past length).</param>
    /// <param name="newTokens">Tokens generated per row.</param>
    /// <exception cref="ArgumentException">The graph has no cache, or fixes a batch or length other than these.</exception>
    public GreedyGenerator(CausalLanguageModel model, int batch, int promptLength, int newTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(promptLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(newTokens, 1);
        var graph = model.Graph;
        if (!graph.HasCache)
        {
            throw new ArgumentException($"'{model.Path}' has no KV cache (past_key_values.* inputs); greedy decoding with a cache needs one", nameof(model));
        }

        if (graph.FixedBatch is { } fixedBatch && fixedBatch != batch)
        {
            throw new ArgumentException($"'{model.Path}' fixes its batch at {fixedBatch}; batch {batch} is not supported", nameof(batch));
        }

        if (graph.FixedSequence is not null)
        {
            throw new ArgumentException($"'{model.Path}' fixes its sequence length, so it cannot take a prompt and then one token at a time", nameof(model));
        }

        _model = model;
        _newTokens = newTokens;
        _tokens = new int[batch * newTokens];
        _stepTicks = new long[Math.Max(newTokens - 1, 1)];
        _bindings = new KvDecodeBindings(model, batch, promptLength, newTokens, graph.Vocabulary ?? ProbeVocabulary(model));
    }

    /// <summary>Generates for <paramref name="prompts"/> (one per row, each of the prompt length).</summary>
    /// <exception cref="ArgumentException">The prompts do not match the batch and prompt length.</exception>
    /// <exception cref="ModelRunException">ONNX Runtime failed.</exception>
    public GeneratedTokens Generate(IReadOnlyList<int[]> prompts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var (batch, promptLength, vocabulary) = (_bindings.Batch, _bindings.PromptLength, _bindings.Vocabulary);
        if (prompts.Count != batch || prompts.Any(p => p.Length != promptLength))
        {
            throw new ArgumentException($"the generator takes {batch} prompt(s) of {promptLength} token(s) each", nameof(prompts));
        }

        for (var r = 0; r < batch; r++)
        {
            for (var t = 0; t < promptLength; t++)
            {
                _bindings.PrefillIds[(r * promptLength) + t] = prompts[r][t];
            }
        }

        using var termination = new RunTermination(cancellationToken);
        var session = _model.Inner;
        var started = Stopwatch.GetTimestamp();
        Run(session, termination, 0);
        for (var r = 0; r < batch; r++)
        {
            var last = _bindings.PrefillLogits.AsSpan((((r * promptLength) + promptLength - 1) * vocabulary), vocabulary);
            Pick(r, 0, LogSoftmax.ArgMax(last));
        }

        var firstToken = Stopwatch.GetElapsedTime(started);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var decodeStarted = Stopwatch.GetTimestamp();
        for (var step = 1; step < _newTokens; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = Stopwatch.GetTimestamp();
            Array.Fill(_bindings.StepPositions, promptLength + step - 1);
            Run(session, termination, step);
            for (var r = 0; r < batch; r++)
            {
                Pick(r, step, LogSoftmax.ArgMax(_bindings.StepLogits.AsSpan(r * vocabulary, vocabulary)));
            }

            _stepTicks[step - 1] = Stopwatch.GetTimestamp() - before;
        }

        var decode = Stopwatch.GetElapsedTime(decodeStarted);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var sorted = _stepTicks.AsSpan(0, _newTokens - 1);
        sorted.Sort();
        var rows = new int[batch][];
        for (var r = 0; r < batch; r++)
        {
            rows[r] = _tokens.AsSpan(r * _newTokens, _newTokens).ToArray();
        }

        return new GeneratedTokens(rows, new GenerationTimings
        {
            BatchSize = batch,
            PromptTokens = promptLength,
            NewTokens = _newTokens,
            TimeToFirstToken = firstToken,
            Decode = decode,
            DecodeP50Ms = Latencies.PercentileMs(sorted, 0.50),
            DecodeP90Ms = Latencies.PercentileMs(sorted, 0.90),
            DecodeP99Ms = Latencies.PercentileMs(sorted, 0.99),
            DecodeManagedBytes = allocated,
        });
    }

    /// <summary>
    /// Greedy decoding without a cache: each step feeds the prompt and every token so far and takes the last
    /// position's most likely token. Slow (quadratic), for checking the cached decoding and for graphs without a cache.
    /// </summary>
    public static int[] WithoutCache(CausalLanguageModel model, int[] prompt, int newTokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentOutOfRangeException.ThrowIfLessThan(prompt.Length, 1);
        var sequence = new List<int>(prompt);
        var generated = new int[newTokens];
        var scorer = new LogLikelihoodScorer(model, 1);
        for (var step = 0; step < newTokens; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            generated[step] = scorer.NextToken([.. sequence], cancellationToken);
            sequence.Add(generated[step]);
        }

        return generated;
    }

    public void Dispose() => _bindings.Dispose();

    private void Pick(int row, int step, int token)
    {
        _tokens[(row * _newTokens) + step] = token;
        _bindings.StepIds[row] = token;
    }

    private void Run(InferenceSession session, RunTermination termination, int step)
    {
        try
        {
            session.RunWithBinding(termination.Options, _bindings.Step(step));
        }
        catch (OnnxRuntimeException e)
        {
            throw termination.Translate(e);
        }
    }

    /// <summary>The logits' last dimension from one token, for a graph that leaves it open.</summary>
    private static int ProbeVocabulary(CausalLanguageModel model) => new LogLikelihoodScorer(model, 1).VocabularyOf([0]);
}
