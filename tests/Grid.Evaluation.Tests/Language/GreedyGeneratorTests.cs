using ModelGrid.Evaluation.Language;

namespace ModelGrid.Evaluation.Tests.Language;

/// <summary>Greedy decoding of stories260K: the text of <c>shared/models/lm/SOURCES.md</c>, the cache against no cache, no allocation per token.</summary>
public sealed class GreedyGeneratorTests(Stories260K lm) : IClassFixture<Stories260K>
{
    private const string ExpectedStart =
        "Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. " +
        "She wanted to play with it, but it was too high.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Generate_200TokensFromBos_GivesTheRecordedText()
    {
        using var generator = new GreedyGenerator(lm.Cached, 1, 1, 200);

        var generated = generator.Generate([[lm.Tokenizer.BeginningOfSentence]], Ct);

        Assert.StartsWith(ExpectedStart, lm.Tokenizer.Decode(generated.Rows[0]), StringComparison.Ordinal);
        Assert.Equal(200, generated.Rows[0].Length);
    }

    [Fact]
    public void Generate_WithCache_GivesTheTokensOfTheGraphWithoutCache()
    {
        using var generator = new GreedyGenerator(lm.Cached, 1, 1, 200);

        var cached = generator.Generate([[1]], Ct).Rows[0];
        var plain = GreedyGenerator.WithoutCache(lm.Plain, [1], 200, Ct);

        Assert.Equal(plain, cached);
    }

    [Fact]
    public void Generate_DecodeLoop_AllocatesNoManagedMemory()
    {
        using var generator = new GreedyGenerator(lm.Cached, 4, 5, 64);
        var prompt = lm.Tokenizer.Encode("Once upon a time");
        generator.Generate([prompt, prompt, prompt, prompt], Ct);

        var timings = generator.Generate([prompt, prompt, prompt, prompt], Ct).Timings;

        Assert.Equal(0, timings.DecodeManagedBytes);
        Assert.Equal((4, 5, 64), (timings.BatchSize, timings.PromptTokens, timings.NewTokens));
    }

    [Fact]
    public void Generate_BatchOfDifferentPrompts_GivesEachRowItsOwnTokens()
    {
        int[][] prompts = [lm.Tokenizer.Encode("Once upon a time"), lm.Tokenizer.Encode("Lily went to the park")[..5]];
        using var batched = new GreedyGenerator(lm.Cached, 2, prompts[0].Length, 40);
        using var single = new GreedyGenerator(lm.Cached, 1, prompts[0].Length, 40);

        var together = batched.Generate(prompts, Ct).Rows;

        Assert.Equal(single.Generate([prompts[0]], Ct).Rows[0], together[0]);
        Assert.Equal(single.Generate([prompts[1]], Ct).Rows[0], together[1]);
        Assert.NotEqual(together[0], together[1]);
    }

    [Fact]
    public void Generate_PromptsOfAnotherLength_AreRefused()
    {
        using var generator = new GreedyGenerator(lm.Cached, 1, 3, 4);

        var error = Assert.Throws<ArgumentException>(() => generator.Generate([[1, 2]], Ct));

        Assert.StartsWith("the generator takes 1 prompt(s) of 3 token(s) each", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_GraphWithoutCache_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new GreedyGenerator(lm.Plain, 1, 1, 4));

        Assert.StartsWith($"'{lm.Plain.Path}' has no KV cache", error.Message, StringComparison.Ordinal);
    }
}
