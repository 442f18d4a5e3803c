using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Language;

/// <summary>
/// The stories260K fixture (<c>../shared/models/lm</c>, declared mirror-only in <c>artifacts.json</c>), opened once per
/// test class on CPU with one thread, as its SOURCES.md facts were measured.
/// </summary>
public sealed class Stories260K : IDisposable
{
    public static readonly SessionSettings Cpu = new() { Provider = ProviderRequest.Cpu, IntraOpThreads = 1 };

    private readonly Lazy<CausalLanguageModel> _plain = new(() => CausalLanguageModel.Open(Factory, TestArtifacts.Get("stories260K.onnx"), Cpu));
    private readonly Lazy<CausalLanguageModel> _cached = new(() => CausalLanguageModel.Open(Factory, TestArtifacts.Get("stories260K_kv.onnx"), Cpu));

    public static OnnxSessionFactory Factory { get; } = new(Cpu);

    public static string TokenizerPath => TestArtifacts.Get("tok512.model");

    public TextTokenizer Tokenizer { get; } = TextTokenizer.Load(TokenizerPath);

    /// <summary>The graph without a cache.</summary>
    public CausalLanguageModel Plain => _plain.Value;

    /// <summary>The graph with a KV cache.</summary>
    public CausalLanguageModel Cached => _cached.Value;

    public void Dispose()
    {
        if (_plain.IsValueCreated)
        {
            _plain.Value.Dispose();
        }

        if (_cached.IsValueCreated)
        {
            _cached.Value.Dispose();
        }
    }
}
