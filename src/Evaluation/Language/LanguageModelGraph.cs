using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// What a causal language model's ONNX graph takes and gives, read from its declared inputs and outputs:
/// <c>input_ids</c> (required) and, when declared, <c>attention_mask</c>, <c>position_ids</c> and a KV cache
/// (<c>past_key_values.{i}.key|value</c> in, <c>present.{i}.key|value</c> out, as Hugging Face Optimum exports it);
/// <c>logits</c> out. Nothing else is guessed: an input it does not know is refused by name.
/// </summary>
public sealed record LanguageModelGraph
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string PositionIds = "position_ids";
    public const string Logits = "logits";
    private const string PastPrefix = "past_key_values.";
    private const string PresentPrefix = "present.";

    /// <summary>Whether the graph takes <c>attention_mask</c> (int64 <c>[batch, past + seq]</c>).</summary>
    public bool HasAttentionMask { get; init; }

    /// <summary>Whether the graph takes <c>position_ids</c> (int64 <c>[batch, seq]</c>).</summary>
    public bool HasPositionIds { get; init; }

    /// <summary>The cache's layers in order; empty for a graph without a cache.</summary>
    public IReadOnlyList<KvLayer> Layers { get; init; } = [];

    /// <summary>Key-value heads of the cache (its second dimension).</summary>
    public int KvHeads { get; init; }

    /// <summary>Size of a head (the cache's last dimension).</summary>
    public int HeadSize { get; init; }

    /// <summary>The vocabulary size (the logits' last dimension), when the graph declares it.</summary>
    public int? Vocabulary { get; init; }

    /// <summary>The batch size the graph fixes, or null when any batch runs.</summary>
    public int? FixedBatch { get; init; }

    /// <summary>The sequence length the graph fixes, or null when any length runs.</summary>
    public int? FixedSequence { get; init; }

    /// <summary>Whether the graph has a KV cache.</summary>
    public bool HasCache => Layers.Count > 0;

    /// <summary>Reads the graph of <paramref name="session"/>.</summary>
    /// <exception cref="InvalidModelException">The graph is not a causal language model this engine runs, with the reason.</exception>
    public static LanguageModelGraph Discover(InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;
        if (!inputs.TryGetValue(InputIds, out var ids))
        {
            throw Refused($"it has no '{InputIds}' input (inputs: {string.Join(", ", inputs.Keys)})");
        }

        RequireTensor(InputIds, ids, TensorElementType.Int64, 2);
        if (!outputs.TryGetValue(Logits, out var logits))
        {
            throw Refused($"it has no '{Logits}' output (outputs: {string.Join(", ", outputs.Keys)})");
        }

        RequireTensor(Logits, logits, TensorElementType.Float, 3);
        var hasMask = inputs.TryGetValue(AttentionMask, out var mask);
        if (hasMask)
        {
            RequireTensor(AttentionMask, mask!, TensorElementType.Int64, 2);
        }

        var hasPositions = inputs.TryGetValue(PositionIds, out var positions);
        if (hasPositions)
        {
            RequireTensor(PositionIds, positions!, TensorElementType.Int64, 2);
        }

        var (layers, kvHeads, headSize) = ReadCache(inputs, outputs);
        var unknown = inputs.Keys.Where(n => n is not (InputIds or AttentionMask or PositionIds) && !n.StartsWith(PastPrefix, StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw Refused($"it takes inputs a causal language model run does not feed: {string.Join(", ", unknown)}");
        }

        return new LanguageModelGraph
        {
            HasAttentionMask = hasMask,
            HasPositionIds = hasPositions,
            Layers = layers,
            KvHeads = kvHeads,
            HeadSize = headSize,
            Vocabulary = logits.Dimensions[2] > 0 ? logits.Dimensions[2] : null,
            FixedBatch = ids.Dimensions[0] > 0 ? ids.Dimensions[0] : null,
            FixedSequence = ids.Dimensions[1] > 0 ? ids.Dimensions[1] : null,
        };
    }

    private static (List<KvLayer> Layers, int KvHeads, int HeadSize) ReadCache(
        IReadOnlyDictionary<string, NodeMetadata> inputs, IReadOnlyDictionary<string, NodeMetadata> outputs)
    {
        var pastCount = inputs.Keys.Count(n => n.StartsWith(PastPrefix, StringComparison.Ordinal));
        if (pastCount == 0)
        {
            return ([], 0, 0);
        }

        if (pastCount % 2 != 0)
        {
            throw Refused($"its {pastCount} '{PastPrefix}*' inputs do not pair into keys and values");
        }

        var layers = new List<KvLayer>();
        int kvHeads = 0, headSize = 0;
        for (var i = 0; i < pastCount / 2; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var layer = new KvLayer($"{PastPrefix}{index}.key", $"{PastPrefix}{index}.value", $"{PresentPrefix}{index}.key", $"{PresentPrefix}{index}.value");
            foreach (var (name, table) in new[] { (layer.PastKey, inputs), (layer.PastValue, inputs), (layer.PresentKey, outputs), (layer.PresentValue, outputs) })
            {
                if (!table.TryGetValue(name, out var metadata))
                {
                    throw Refused($"its cache has no '{name}' (layers are numbered from 0 with a key and a value each, in and out)");
                }

                RequireTensor(name, metadata, TensorElementType.Float, 4);
                var (heads, size) = (metadata.Dimensions[1], metadata.Dimensions[3]);
                if (heads <= 0 || size <= 0)
                {
                    throw Refused($"'{name}' does not fix its heads and head size ([batch, heads, length, head size])");
                }

                if ((kvHeads, headSize) != (0, 0) && (heads, size) != (kvHeads, headSize))
                {
                    throw Refused($"'{name}' has {heads} heads of {size}, other cache tensors {kvHeads} of {headSize}");
                }

                (kvHeads, headSize) = (heads, size);
            }

            layers.Add(layer);
        }

        return (layers, kvHeads, headSize);
    }

    private static void RequireTensor(string name, NodeMetadata metadata, TensorElementType type, int rank)
    {
        if (metadata.OnnxValueType != OnnxValueType.ONNX_TYPE_TENSOR || metadata.ElementDataType != type || metadata.Dimensions.Length != rank)
        {
            var found = metadata.OnnxValueType == OnnxValueType.ONNX_TYPE_TENSOR
                ? $"{metadata.ElementDataType} of rank {metadata.Dimensions.Length}"
                : metadata.OnnxValueType.ToString();
            throw Refused($"'{name}' must be a {type} tensor of rank {rank}, not {found}");
        }
    }

    private static InvalidModelException Refused(string reason) => new($"not a causal language model this engine runs: {reason}");
}
