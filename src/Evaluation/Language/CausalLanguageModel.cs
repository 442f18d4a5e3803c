using Microsoft.ML.OnnxRuntime;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// An opened ONNX causal language model and what its graph takes (<see cref="LanguageModelGraph"/>). It works on token
/// ids; <see cref="LogLikelihoodScorer"/> scores with it and <see cref="GreedyGenerator"/> generates with it.
/// </summary>
public sealed class CausalLanguageModel : IDisposable
{
    private CausalLanguageModel(ModelSession session, LanguageModelGraph graph, string path)
    {
        Session = session;
        Graph = graph;
        Path = path;
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The session: its provider, threads and declared tensors.</summary>
    public ModelSession Session { get; }

    /// <summary>What the graph takes and gives.</summary>
    public LanguageModelGraph Graph { get; }

    internal InferenceSession Inner => Session.Inner;

    /// <summary>Opens <paramref name="path"/> and reads its graph.</summary>
    /// <exception cref="InvalidModelException">The file is not an ONNX model, or not a causal language model this engine runs.</exception>
    public static CausalLanguageModel Open(OnnxSessionFactory factory, string path, SessionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var session = factory.Open(path, settings);
        try
        {
            return new CausalLanguageModel(session, LanguageModelGraph.Discover(session.Inner), path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose() => Session.Dispose();
}
