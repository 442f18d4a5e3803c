using System.Globalization;
using System.Text.Json;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>
/// Says what is wrong with a state record's bytes, in words that complete "state record '…' …": empty, cut short,
/// not JSON (with the byte offset), JSON null, or JSON that is not the state's shape (with the JSON path).
/// </summary>
public static class StateRecordCheck
{
    /// <summary>
    /// What a cleared state's record holds when clearing keeps the record (<see cref="FileGrainStorageOptions.DeleteStateOnClear"/>
    /// off): a marker, so that an empty record is always damage and never mistaken for a cleared state.
    /// </summary>
    public static ReadOnlySpan<byte> ClearedMarker => "{\"$cleared\":true}"u8;

    /// <summary>The problem of an empty record.</summary>
    public const string Empty = "is empty (0 bytes)";

    /// <summary>The problem of a record that holds JSON null, when the state's type is not known.</summary>
    public const string NullProblem = "holds JSON null, not a state";

    /// <summary>
    /// Checks that <paramref name="content"/> is one complete JSON value other than null, without deserializing it
    /// (the start-up scan's check); null when it is.
    /// </summary>
    /// <param name="content">The record's bytes.</param>
    public static string? FindProblem(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return Empty;
        }

        var reader = new Utf8JsonReader(content, isFinalBlock: true, state: default);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return SyntaxProblem(content, e);
        }

        return IsJsonNull(content) ? NullProblem : null;
    }

    /// <summary>Explains why deserializing <paramref name="content"/> as <paramref name="stateType"/> failed.</summary>
    /// <param name="content">The record's bytes.</param>
    /// <param name="error">The deserializer's error.</param>
    /// <param name="stateType">The state's type.</param>
    public static string DescribeFailure(ReadOnlySpan<byte> content, JsonException error, Type stateType)
    {
        var syntax = FindProblem(content);
        if (syntax is not null && syntax != NullProblem)
        {
            return syntax;
        }

        var message = FirstSentence(error.Message, " Path:");
        var path = string.IsNullOrEmpty(error.Path) ? "$" : error.Path;
        return $"does not hold a {TypeName(stateType)}: {LowerFirst(message)} (at {path})";
    }

    /// <summary>The problem of a record that holds JSON null.</summary>
    /// <param name="stateType">The state's type.</param>
    public static string NullState(Type stateType) => $"holds JSON null, not a {TypeName(stateType)}";

    /// <summary>A type's name as C# writes it, e.g. <c>Dictionary&lt;String, CatalogEntry&gt;</c>.</summary>
    /// <param name="type">The type.</param>
    public static string TypeName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;

    private static string SyntaxProblem(ReadOnlySpan<byte> content, JsonException error)
    {
        // Read as if more bytes could follow: when nothing is wrong with what is there, the record was cut short.
        var partial = new Utf8JsonReader(content, isFinalBlock: false, state: default);
        try
        {
            while (partial.Read())
            {
            }

            if (partial.CurrentDepth > 0 || partial.TokenType is JsonTokenType.None or JsonTokenType.PropertyName || partial.BytesConsumed < content.Length)
            {
                return $"ends before its JSON is complete (truncated after {content.Length.ToString(CultureInfo.InvariantCulture)} bytes)";
            }
        }
        catch (JsonException)
        {
            // Wrong before the end: report where.
        }

        var offset = Offset(content, error.LineNumber ?? 0, error.BytePositionInLine ?? 0);
        return $"is not valid JSON at byte {offset.ToString(CultureInfo.InvariantCulture)}: {FirstSentence(error.Message, " LineNumber:")}";
    }

    private static long Offset(ReadOnlySpan<byte> content, long line, long byteInLine)
    {
        long start = 0;
        for (var seen = 0L; seen < line; seen++)
        {
            var next = content[(int)start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        return start + byteInLine;
    }

    private static bool IsJsonNull(ReadOnlySpan<byte> content) => content.Trim(" \t\r\n"u8).SequenceEqual("null"u8);

    private static string FirstSentence(string message, string marker)
    {
        var end = message.IndexOf(marker, StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd().TrimEnd('.');
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
