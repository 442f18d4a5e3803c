using Microsoft.ML.OnnxRuntime;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Scores continuations in right-padded batches, with results that do not depend on the batch size: every row is
/// padded to its own bucket (its length rounded up to <see cref="BucketTokens"/>, or the length the graph fixes) and
/// batched only with rows of the same bucket, so the tensor a row runs in has the same row shape whatever else is
/// scored; log-softmax and the sums are taken in double, in a fixed order, from the row's own logits. Why this makes
/// the sums bit-identical on ONNX Runtime's CPU kernels is written down in <c>Language/README.md</c>.
/// </summary>
public sealed class LogLikelihoodScorer
{
    /// <summary>Rows are padded to a multiple of this many tokens.</summary>
    public const int BucketTokens = 16;

    private readonly CausalLanguageModel _model;
    private readonly int _batchSize;

    /// <param name="model">The model.</param>
    /// <param name="batchSize">Rows per call; a graph that fixes its batch runs that many rows (padding the last call) whatever is asked.</param>
    public LogLikelihoodScorer(CausalLanguageModel model, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _model = model;
        _batchSize = model.Graph.FixedBatch ?? batchSize;
    }

    /// <summary>The rows per call.</summary>
    public int BatchSize => _batchSize;

    /// <summary>The padded length a row of <paramref name="tokens"/> tokens runs at.</summary>
    public int PaddedLength(int tokens) => _model.Graph.FixedSequence ?? ((tokens + BucketTokens - 1) / BucketTokens * BucketTokens);

    /// <summary>Scores every request; the results are in the requests' order.</summary>
    /// <exception cref="ArgumentException">A request is empty, has no context, holds an id outside the vocabulary or exceeds the graph's fixed length.</exception>
    /// <exception cref="ModelRunException">ONNX Runtime failed.</exception>
    public IReadOnlyList<ContinuationScore> Score(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        for (var i = 0; i < requests.Count; i++)
        {
            Check(requests[i], i);
        }

        var results = new ContinuationScore[requests.Count];
        var byBucket = Enumerable.Range(0, requests.Count).GroupBy(i => PaddedLength(requests[i].Tokens.Length)).OrderBy(g => g.Key);
        using var termination = new RunTermination(cancellationToken);
        foreach (var bucket in byBucket)
        {
            foreach (var rows in bucket.Chunk(_batchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunBatch(
                    [.. rows.Select(r => requests[r].Tokens)], bucket.Key, termination,
                    (r, logits, vocabulary) => results[rows[r]] = ScoreRow(requests[rows[r]], logits, vocabulary));
            }
        }

        return results;
    }

    private void Check(ScoringRequest request, int index)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContinuationStart < 1 || request.ContinuationStart >= request.Tokens.Length)
        {
            throw new ArgumentException($"request {index} needs at least one context token and one continuation token ({request.Tokens.Length} tokens, continuation from {request.ContinuationStart})");
        }

        if (_model.Graph.FixedSequence is { } fixedLength && request.Tokens.Length > fixedLength)
        {
            throw new ArgumentException($"request {index} has {request.Tokens.Length} tokens; the model takes at most {fixedLength}");
        }

        if (_model.Graph.Vocabulary is { } vocabulary && request.Tokens.Any(t => t < 0 || t >= vocabulary))
        {
            throw new ArgumentException($"request {index} holds a token id outside the vocabulary of {vocabulary}");
        }
    }

    /// <summary>The most likely token after <paramref name="tokens"/>.</summary>
    internal int NextToken(int[] tokens, CancellationToken cancellationToken)
    {
        var next = 0;
        using var termination = new RunTermination(cancellationToken);
        RunBatch([tokens], PaddedLength(tokens.Length), termination, (_, logits, vocabulary) => next = LogSoftmax.ArgMax(logits.Slice((tokens.Length - 1) * vocabulary, vocabulary)));
        return next;
    }

    /// <summary>The logits' last dimension, from running <paramref name="tokens"/>.</summary>
    internal int VocabularyOf(int[] tokens)
    {
        var found = 0;
        using var termination = new RunTermination(CancellationToken.None);
        RunBatch([tokens], PaddedLength(tokens.Length), termination, (_, _, vocabulary) => found = vocabulary);
        return found;
    }

    /// <summary>Runs rows right-padded to <paramref name="length"/> and hands each row's logits (<c>[length, vocabulary]</c>) to <paramref name="row"/>.</summary>
    private void RunBatch(IReadOnlyList<int[]> rows, int length, RunTermination termination, RowLogits row)
    {
        var graph = _model.Graph;
        var batch = _batchSize;
        var ids = new long[batch * length];
        var mask = graph.HasAttentionMask ? new long[batch * length] : null;
        for (var r = 0; r < rows.Count; r++)
        {
            var tokens = rows[r];
            for (var t = 0; t < tokens.Length; t++)
            {
                ids[(r * length) + t] = tokens[t];
                mask?[(r * length) + t] = 1;
            }
        }

        var names = new List<string> { LanguageModelGraph.InputIds };
        var values = new List<OrtValue>();
        try
        {
            values.Add(OrtValue.CreateTensorValueFromMemory(ids, [batch, length]));
            if (mask is not null)
            {
                names.Add(LanguageModelGraph.AttentionMask);
                values.Add(OrtValue.CreateTensorValueFromMemory(mask, [batch, length]));
            }

            if (graph.HasPositionIds)
            {
                var positions = new long[batch * length];
                for (var i = 0; i < positions.Length; i++)
                {
                    positions[i] = i % length;
                }

                names.Add(LanguageModelGraph.PositionIds);
                values.Add(OrtValue.CreateTensorValueFromMemory(positions, [batch, length]));
            }

            foreach (var layer in graph.Layers)
            {
                foreach (var name in new[] { layer.PastKey, layer.PastValue })
                {
                    names.Add(name);
                    values.Add(OrtValue.CreateTensorValueFromMemory(Array.Empty<float>(), [batch, graph.KvHeads, 0, graph.HeadSize]));
                }
            }

            using var outputs = Run(names, values, termination);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            var vocabulary = (int)outputs[0].GetTensorTypeAndShape().Shape[2];
            for (var r = 0; r < rows.Count; r++)
            {
                row(r, logits.Slice(r * length * vocabulary, length * vocabulary), vocabulary);
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private IDisposableReadOnlyCollection<OrtValue> Run(List<string> names, List<OrtValue> values, RunTermination termination)
    {
        try
        {
            return _model.Inner.Run(termination.Options, names, values, [LanguageModelGraph.Logits]);
        }
        catch (OnnxRuntimeException e)
        {
            throw termination.Translate(e);
        }
    }

    /// <summary>The continuation's log-likelihood from one row's logits (<c>[length, vocabulary]</c>), in double, position by position.</summary>
    internal static ContinuationScore ScoreRow(ScoringRequest request, ReadOnlySpan<float> logits, int vocabulary)
    {
        var sum = 0.0;
        var greedy = true;
        for (var t = request.ContinuationStart; t < request.Tokens.Length; t++)
        {
            var position = logits.Slice((t - 1) * vocabulary, vocabulary);
            var target = request.Tokens[t];
            sum += LogSoftmax.At(position, target, out var argmax);
            greedy &= argmax == target;
        }

        return new ContinuationScore(sum, request.ContinuationLength, greedy);
    }

    private delegate void RowLogits(int row, ReadOnlySpan<float> logits, int vocabulary);
}
