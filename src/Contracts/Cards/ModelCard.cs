using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ModelGrid.Cards;

/// <summary>
/// A model or data card: Markdown with optional YAML front matter in the Hugging Face model-card form
/// (<c>---</c> line, YAML mapping, <c>---</c> line, then Markdown).
/// </summary>
public sealed class ModelCard
{
    /// <summary>The largest card accepted, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>
    /// The deepest nesting of lists and mappings accepted in the front matter. YamlDotNet's parse time grows with the
    /// square of the depth (a 20 KB card of nested <c>[</c> takes seconds, a 1 MiB one hours), so deeper front matter
    /// is refused as soon as the parser reaches this depth.
    /// </summary>
    public const int MaxFrontMatterDepth = 64;

    private static readonly Dictionary<string, YamlKind> KnownKeys = new(StringComparer.Ordinal)
    {
        ["license"] = YamlKind.Scalar,
        ["pipeline_tag"] = YamlKind.Scalar,
        ["library_name"] = YamlKind.Scalar,
        ["tags"] = YamlKind.Sequence,
        ["datasets"] = YamlKind.Sequence,
        ["metrics"] = YamlKind.Sequence,
        ["model-index"] = YamlKind.Sequence,
    };

    private ModelCard(YamlMappingNode? frontMatter, string body)
    {
        FrontMatter = frontMatter;
        Body = body;
    }

    private enum YamlKind
    {
        Scalar,
        Sequence,
    }

    /// <summary>The YAML front matter, or null when the card has none.</summary>
    public YamlMappingNode? FrontMatter { get; }

    /// <summary>The Markdown after the front matter.</summary>
    public string Body { get; }

    /// <summary>A scalar of the front matter, e.g. <c>license</c>, or null.</summary>
    /// <param name="key">The key.</param>
    public string? Scalar(string key) =>
        FrontMatter is not null && FrontMatter.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar
            ? scalar.Value
            : null;

    /// <summary>Parses and checks a card; a <see cref="ModelCardException"/> says what is wrong and where.</summary>
    /// <param name="text">The card.</param>
    public static ModelCard Parse(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            throw new ModelCardException($"the model card is larger than {MaxBytes / 1024} KiB");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ModelCardException("the model card contains a NUL character");
        }

        var normalized = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (!normalized.StartsWith("---", StringComparison.Ordinal) || !IsLineEnd(normalized, 3))
        {
            return new ModelCard(null, normalized);
        }

        var start = normalized.IndexOf('\n', StringComparison.Ordinal) + 1;
        var end = FindClosingFence(normalized, start);
        if (end < 0)
        {
            throw new ModelCardException("the model card's YAML front matter has no closing '---' line");
        }

        var yaml = normalized[start..end];
        var afterFence = normalized.IndexOf('\n', end);
        var body = afterFence < 0 ? string.Empty : normalized[(afterFence + 1)..];
        return new ModelCard(ParseFrontMatter(yaml), body);
    }

    private static YamlMappingNode? ParseFrontMatter(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // Lines are counted from the card's first line: the opening fence is line 1.
            throw new ModelCardException($"the model card's YAML front matter is invalid at line {e.Start.Line + 1}, column {e.Start.Column}: {FirstLine(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections.
            throw new ModelCardException("the model card's YAML front matter is invalid: an unterminated [ ] or { } collection");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            throw new ModelCardException("the model card's YAML front matter holds more than one document");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new ModelCardException("the model card's YAML front matter must be a mapping of keys to values");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new ModelCardException("the model card's YAML front matter has a key that is not a plain string");
            }

            if (KnownKeys.TryGetValue(key, out var kind))
            {
                var ok = kind == YamlKind.Scalar ? value is YamlScalarNode : value is YamlSequenceNode;
                if (!ok)
                {
                    throw new ModelCardException($"the model card's '{key}' must be a {(kind == YamlKind.Scalar ? "single value" : "list")}");
                }
            }
        }

        return mapping;
    }

    /// <summary>Reads the front matter's events up to <see cref="MaxFrontMatterDepth"/> levels deep, and refuses it there.</summary>
    private static void CheckDepth(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case SequenceStart or MappingStart when ++depth > MaxFrontMatterDepth:
                    throw new ModelCardException($"the model card's YAML front matter nests lists and mappings more than {MaxFrontMatterDepth} levels deep");
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private static int FindClosingFence(string text, int from)
    {
        var position = from;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var line = (lineEnd < 0 ? text[position..] : text[position..lineEnd]).TrimEnd('\r');
            if (line is "---" or "...")
            {
                return position;
            }

            if (lineEnd < 0)
            {
                return -1;
            }

            position = lineEnd + 1;
        }

        return -1;
    }

    private static bool IsLineEnd(string text, int index) =>
        index < text.Length && (text[index] == '\n' || (text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n'));

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
