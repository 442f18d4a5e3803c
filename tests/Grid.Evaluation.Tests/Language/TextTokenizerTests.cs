using ModelGrid.Evaluation.Language;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Language;

/// <summary>The stories260K tokenizer's facts from <c>shared/models/lm/SOURCES.md</c>, through Microsoft.ML.Tokenizers.</summary>
public sealed class TextTokenizerTests(Stories260K lm) : IClassFixture<Stories260K>
{
    [Theory]
    [InlineData("Once upon a time", new[] { 1, 403, 407, 261, 378 })]
    [InlineData("He was a boy.", new[] { 1, 346, 286, 261, 268, 414, 422, 426 })]
    [InlineData("Lily went to the park with her mom.", new[] { 1, 317, 263, 377, 267, 265, 282, 295, 433, 335, 311, 357, 426 })]
    [InlineData("café", new[] { 1, 280, 412, 431, 485 })]
    public void Encode_SourcesSentences_GiveTheRecordedIds(string text, int[] expected) =>
        Assert.Equal(expected, lm.Tokenizer.Encode(text));

    [Fact]
    public void Encode_WithoutBeginningOfSentence_LeavesTheFirstTokenOut() =>
        Assert.Equal([346, 286, 261, 268, 414, 422, 426], lm.Tokenizer.Encode("He was a boy.", beginningOfSentence: false));

    [Fact]
    public void SpecialTokens_AreThoseOfSources() =>
        Assert.Equal((1, 2, 512), (lm.Tokenizer.BeginningOfSentence, lm.Tokenizer.EndOfSentence, lm.Tokenizer.VocabularySize));

    [Theory]
    [InlineData("Lily went to the park with her table.")]
    [InlineData("café ☃ naïve")]
    public void Decode_EncodedText_GivesItBack(string text) =>
        Assert.Equal(text, lm.Tokenizer.Decode(lm.Tokenizer.Encode(text)));

    [Fact]
    public void Load_CopyWithoutAnExtension_TakesTheFormatFromTheNameGiven()
    {
        var path = Path.Combine(TestPaths.NewTempFolder("tokenizer-blob"), "e33674dd21f9");
        File.Copy(Stories260K.TokenizerPath, path);

        Assert.Equal([1, 346, 286, 261, 268, 414, 422, 426], TextTokenizer.Load(path, "tok512.model").Encode("He was a boy."));
    }

    [Fact]
    public void FindBeside_FolderWithOneSentencePieceModel_FindsIt()
    {
        var folder = TestPaths.NewTempFolder("tokenizer-beside");
        File.Copy(Stories260K.TokenizerPath, Path.Combine(folder, "tok512.model"));

        Assert.Equal(Path.Combine(folder, "tok512.model"), TextTokenizer.FindBeside(Path.Combine(folder, "model.onnx")));
    }

    [Fact]
    public void FindBeside_FolderWithoutATokenizer_IsNull() =>
        Assert.Null(TextTokenizer.FindBeside(Path.Combine(TestPaths.NewTempFolder("no-tokenizer"), "model.onnx")));

    [Fact]
    public void Load_FileThatIsNoTokenizer_SaysSoInOneLine()
    {
        var path = Path.Combine(TestPaths.NewTempFolder("bad-tokenizer"), "tokenizer.model");
        File.WriteAllText(path, "not a sentencepiece model");

        var error = Assert.Throws<InvalidDataException>(() => TextTokenizer.Load(path));

        Assert.StartsWith($"the tokenizer '{path}' cannot be read: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_OtherExtension_IsRefused()
    {
        var path = Path.Combine(TestPaths.NewTempFolder("vocab-tokenizer"), "vocab.txt");
        File.WriteAllText(path, "a\nb\n");

        Assert.Equal(
            $"the tokenizer '{path}' is neither a SentencePiece .model nor a tokenizer.json",
            Assert.Throws<InvalidDataException>(() => TextTokenizer.Load(path)).Message);
    }

    [Fact]
    public void Load_TokenizerJsonOfAUnigramModel_EncodesWithBosAndDecodes()
    {
        var path = Path.Combine(TestPaths.NewTempFolder("tokenizer-json"), "tokenizer.json");
        File.WriteAllText(path, UnigramTokenizerJson);

        var tokenizer = TextTokenizer.Load(path);

        Assert.Equal([1, 4, 5, 6], tokenizer.Encode("the cat sat"));
        Assert.Equal("the cat sat", tokenizer.Decode(tokenizer.Encode("the cat sat")));
        Assert.Equal((1, 2, 13), (tokenizer.BeginningOfSentence, tokenizer.EndOfSentence, tokenizer.VocabularySize));
    }

    /// <summary>A Hugging Face <c>tokenizer.json</c> of a SentencePiece Unigram model with Metaspace, as converted Llama-family tokenizers are written.</summary>
    private const string UnigramTokenizerJson = """
        {
          "version": "1.0",
          "added_tokens": [
            {"id": 0, "content": "<unk>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
            {"id": 1, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
            {"id": 2, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
          ],
          "normalizer": null,
          "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true},
          "post_processor": null,
          "decoder": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true},
          "model": {
            "type": "Unigram",
            "unk_id": 0,
            "byte_fallback": false,
            "vocab": [["<unk>", 0.0], ["<s>", 0.0], ["</s>", 0.0], ["▁", -2.0], ["▁the", -1.0], ["▁cat", -1.5], ["▁sat", -1.5],
                      ["s", -3.0], ["a", -3.0], ["t", -3.0], ["c", -3.0], ["h", -3.0], ["e", -3.0]]
          }
        }
        """;
}
