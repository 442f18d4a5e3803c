using Microsoft.ML.Tokenizers;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// A language model's tokenizer, from Microsoft.ML.Tokenizers: a SentencePiece <c>.model</c> (BPE as Llama's, or
/// Unigram) or a Hugging Face <c>tokenizer.json</c> of a SentencePiece Unigram model (what the package reads). Encoding
/// adds the beginning-of-sentence token when asked, never the end.
/// </summary>
public sealed class TextTokenizer
{
    /// <summary>The file names looked for beside a model, in order.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["tokenizer.model", "tokenizer.json"];

    private readonly SentencePieceTokenizer _inner;

    private TextTokenizer(SentencePieceTokenizer inner, string path)
    {
        _inner = inner;
        Path = path;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The beginning-of-sentence token.</summary>
    public int BeginningOfSentence => _inner.BeginningOfSentenceId;

    /// <summary>The end-of-sentence token.</summary>
    public int EndOfSentence => _inner.EndOfSentenceId;

    /// <summary>How many tokens the vocabulary holds.</summary>
    public int VocabularySize => _inner.Vocabulary.Count;

    /// <summary>Reads a tokenizer file: <c>*.model</c> as SentencePiece, <c>*.json</c> as <c>tokenizer.json</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The file's name, which says its format, when the path does not (a content-addressed copy of an artifact); the path's by default.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a tokenizer the package reads, with its reason.</exception>
    public static TextTokenizer Load(string path, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the tokenizer '{path}' does not exist", path);
        }

        name ??= System.IO.Path.GetFileName(path);
        var json = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!json && !name.EndsWith(".model", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"the tokenizer '{path}' is neither a SentencePiece .model nor a tokenizer.json");
        }

        using var stream = File.OpenRead(path);
        try
        {
            var inner = json
                ? SentencePieceTokenizer.CreateFromTokenizerJson(stream, addBeginningOfSentence: true, addEndOfSentence: false)
                : LlamaOrUnigram(stream);
            return new TextTokenizer(inner, path);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException or NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"the tokenizer '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The tokenizer file beside <paramref name="modelPath"/> (<see cref="FileNames"/>, then a single <c>*.model</c>), or null.</summary>
    public static string? FindBeside(string modelPath)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(modelPath))!;
        foreach (var name in FileNames)
        {
            var candidate = System.IO.Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var models = Directory.GetFiles(folder, "*.model");
        return models.Length == 1 ? models[0] : null;
    }

    /// <summary>The token ids of <paramref name="text"/>, after the beginning-of-sentence token when <paramref name="beginningOfSentence"/>.</summary>
    public int[] Encode(string text, bool beginningOfSentence = true) =>
        [.. _inner.EncodeToIds(text, addBeginningOfSentence: beginningOfSentence, addEndOfSentence: false)];

    /// <summary>The text of <paramref name="ids"/> (special tokens dropped). Decode a stream whole, not token by token: a lone token loses its leading space.</summary>
    public string Decode(IEnumerable<int> ids) => _inner.Decode(ids);

    /// <summary>Llama's tokenizer for a BPE model (what the package names it), the general SentencePiece one for a Unigram model.</summary>
    private static SentencePieceTokenizer LlamaOrUnigram(Stream stream)
    {
        try
        {
            return LlamaTokenizer.Create(stream, addBeginOfSentence: true, addEndOfSentence: false);
        }
        catch (ArgumentException)
        {
            stream.Position = 0;
            return SentencePieceTokenizer.Create(stream, addBeginningOfSentence: true, addEndOfSentence: false);
        }
    }
}
