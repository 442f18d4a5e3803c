using ModelGrid.Evaluation.Language;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Language;

public sealed class GenerationThroughputTests(Stories260K lm) : IClassFixture<Stories260K>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Run_KvFixture_MeasuresEveryConfigurationWithoutAllocatingPerToken()
    {
        var settings = new GenerationSettings { BatchSizes = [1, 4], ThreadCounts = [1], NewTokens = 16, MeasuredGenerations = 2, CheckTokens = 32 };

        var (measurements, matches, peak) = GenerationThroughput.Run(Stories260K.Factory, TestArtifacts.Get("stories260K_kv.onnx"), Stories260K.Cpu, lm.Tokenizer.Encode("Once upon a time"), settings, Ct);

        Assert.True(matches);
        Assert.Equal([(1, 1), (1, 4)], measurements.Select(m => (m.Threads, m.BatchSize)));
        Assert.All(measurements, m => Assert.Equal((true, 0.0), (m.Supported, m.ManagedBytesPerToken)));
        Assert.All(measurements, m => Assert.True(m.DecodeTokensPerSecond > 0 && m.PrefillTokensPerSecond > 0 && m.DecodeP50Ms <= m.DecodeP99Ms));
        Assert.True(peak > 0);
    }

    [Fact]
    public void Run_GraphWithoutCache_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => GenerationThroughput.Run(Stories260K.Factory, TestArtifacts.Get("stories260K.onnx"), Stories260K.Cpu, [1], new GenerationSettings(), Ct));

        Assert.EndsWith("has no KV cache (past_key_values.* inputs); generation throughput needs one", error.Message, StringComparison.Ordinal);
    }
}
