using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Language;

public sealed class LanguageModelGraphTests(Stories260K lm) : IClassFixture<Stories260K>
{
    [Fact]
    public void Discover_PlainFixture_HasNoCacheAndTheVocabulary()
    {
        var graph = lm.Plain.Graph;

        Assert.Equal((false, false, false, 512, (int?)null, (int?)null), (graph.HasCache, graph.HasAttentionMask, graph.HasPositionIds, graph.Vocabulary, graph.FixedBatch, graph.FixedSequence));
    }

    [Fact]
    public void Discover_KvFixture_FindsFiveLayersOfFourHeadsOfEight()
    {
        var graph = lm.Cached.Graph;

        Assert.Equal((5, 4, 8, false), (graph.Layers.Count, graph.KvHeads, graph.HeadSize, graph.HasAttentionMask));
        Assert.Equal(new KvLayer("past_key_values.4.key", "past_key_values.4.value", "present.4.key", "present.4.value"), graph.Layers[4]);
    }

    [Fact]
    public void Discover_OptimumShape_FindsMaskPositionsAndCache()
    {
        using var model = CausalLanguageModel.Open(Stories260K.Factory, OptimumShaped(), Stories260K.Cpu);

        var graph = model.Graph;

        Assert.Equal((true, true, 1, 2, 4), (graph.HasAttentionMask, graph.HasPositionIds, graph.Layers.Count, graph.KvHeads, graph.HeadSize));
    }

    [Fact]
    public void Discover_FixedBatchAndLength_AreRecorded()
    {
        var path = new OnnxGraph()
            .Input("input_ids", OnnxGraph.Int64Type, 1, 8)
            .Initializer("axes", 2)
            .Node("Cast", ["input_ids"], ["f"], ("to", OnnxGraph.FloatType))
            .Node("Unsqueeze", ["f", "axes"], ["logits"])
            .Output("logits", OnnxGraph.FloatType, 1, 8, 1)
            .WriteTo(TestPaths.NewTempFolder("fixed-lm"), "fixed.onnx");
        using var model = CausalLanguageModel.Open(Stories260K.Factory, path, Stories260K.Cpu);

        Assert.Equal((1, 8, 1), (model.Graph.FixedBatch, model.Graph.FixedSequence, model.Graph.Vocabulary));
    }

    [Fact]
    public void Open_GraphWithoutInputIds_IsRefusedNamingItsInputs()
    {
        var error = Assert.Throws<InvalidModelException>(() => CausalLanguageModel.Open(Stories260K.Factory, TestArtifacts.Get("mnist.onnx"), Stories260K.Cpu));

        Assert.Equal("not a causal language model this engine runs: it has no 'input_ids' input (inputs: Input3)", error.Message);
    }

    [Fact]
    public void Open_GraphWithAnInputItDoesNotFeed_IsRefusedNamingIt()
    {
        var path = new OnnxGraph()
            .Input("input_ids", OnnxGraph.Int64Type, "batch", "seq")
            .Input("token_type_ids", OnnxGraph.Int64Type, "batch", "seq")
            .Initializer("axes", 2)
            .Node("Add", ["input_ids", "token_type_ids"], ["sum"])
            .Node("Cast", ["sum"], ["f"], ("to", OnnxGraph.FloatType))
            .Node("Unsqueeze", ["f", "axes"], ["logits"])
            .Output("logits", OnnxGraph.FloatType, "batch", "seq", 1)
            .WriteTo(TestPaths.NewTempFolder("typed-lm"), "typed.onnx");

        var error = Assert.Throws<InvalidModelException>(() => CausalLanguageModel.Open(Stories260K.Factory, path, Stories260K.Cpu));

        Assert.Equal("not a causal language model this engine runs: it takes inputs a causal language model run does not feed: token_type_ids", error.Message);
    }

    /// <summary>The tensors Hugging Face Optimum exports for a decoder with a cache (one layer, 2 heads of 4), wired trivially.</summary>
    private static string OptimumShaped() => new OnnxGraph()
        .Input("input_ids", OnnxGraph.Int64Type, "batch", "seq")
        .Input("attention_mask", OnnxGraph.Int64Type, "batch", "total")
        .Input("position_ids", OnnxGraph.Int64Type, "batch", "seq")
        .Input("past_key_values.0.key", OnnxGraph.FloatType, "batch", 2, "past", 4)
        .Input("past_key_values.0.value", OnnxGraph.FloatType, "batch", 2, "past", 4)
        .Initializer("axes", 2)
        .Node("Add", ["input_ids", "position_ids"], ["sum"])
        .Node("Cast", ["sum"], ["f"], ("to", OnnxGraph.FloatType))
        .Node("Unsqueeze", ["f", "axes"], ["logits"])
        .Node("Identity", ["past_key_values.0.key"], ["present.0.key"])
        .Node("Identity", ["past_key_values.0.value"], ["present.0.value"])
        .Node("Identity", ["attention_mask"], ["mask_out"])
        .Output("logits", OnnxGraph.FloatType, "batch", "seq", "vocab")
        .Output("present.0.key", OnnxGraph.FloatType, "batch", 2, "total", 4)
        .Output("present.0.value", OnnxGraph.FloatType, "batch", 2, "total", 4)
        .Output("mask_out", OnnxGraph.Int64Type, "batch", "total")
        .WriteTo(TestPaths.NewTempFolder("optimum-lm"), "decoder_model.onnx");
}
