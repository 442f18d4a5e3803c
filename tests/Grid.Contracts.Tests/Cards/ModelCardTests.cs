using ModelGrid.Cards;

namespace ModelGrid.Contracts.Tests.Cards;

public sealed class ModelCardTests
{
    [Fact]
    public void Parse_HuggingFaceStyleCard_ReadsFrontMatterAndBody()
    {
        var card = ModelCard.Parse("---\nlicense: apache-2.0\ntags:\n  - onnx\nmodel-index:\n  - name: m\n    results: []\n---\n# Title\ntext\n");

        Assert.Equal("apache-2.0", card.Scalar("license"));
        Assert.Equal("# Title\ntext\n", card.Body);
    }

    [Fact]
    public void Parse_FrontMatterNestedAsDeepAsTheLimit_IsRead()
    {
        var depth = ModelCard.MaxFrontMatterDepth - 1;
        var card = ModelCard.Parse($"---\nx: {new string('[', depth)}{new string(']', depth)}\n---\n");

        Assert.NotNull(card.FrontMatter);
    }

    [Theory]
    [InlineData(ModelCard.MaxFrontMatterDepth)]
    [InlineData(10_000)]
    public void Parse_FrontMatterNestedDeeperThanTheLimit_IsRefused(int depth)
    {
        // The mapping itself is the first level.
        var error = Assert.Throws<ModelCardException>(() => ModelCard.Parse($"---\nx: {new string('[', depth)}{new string(']', depth)}\n---\n"));

        Assert.Equal("the model card's YAML front matter nests lists and mappings more than 64 levels deep", error.Message);
    }

    [Fact]
    public void Parse_NoFrontMatter_IsAPlainCard()
    {
        var card = ModelCard.Parse("# Just markdown\n---\nnot front matter\n");

        Assert.Null(card.FrontMatter);
        Assert.Null(card.Scalar("license"));
    }

    [Theory]
    [InlineData("---\nlicense: [a, b\n---\n", "line 3")]
    [InlineData("---\nlicense: mit\n", "no closing")]
    [InlineData("---\n- a\n- b\n---\n", "mapping")]
    [InlineData("---\nlicense:\n  - mit\n---\n", "'license' must be a single value")]
    [InlineData("---\ntags: onnx\n---\n", "'tags' must be a list")]
    [InlineData("---\nlicense: [MIT\ntags: x\n---\nbody\n", "YAML front matter is invalid")]
    public void Parse_BrokenFrontMatter_SaysWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<ModelCardException>(() => ModelCard.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLarge_IsRejected()
    {
        Assert.Throws<ModelCardException>(() => ModelCard.Parse(new string('x', ModelCard.MaxBytes + 1)));
    }
}
