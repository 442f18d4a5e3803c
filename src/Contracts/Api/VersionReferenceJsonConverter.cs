using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid.Api;

/// <summary>
/// Reads a version reference given as a string (<c>"1"</c>, <c>"stable"</c>, a revision id) or as a whole number
/// (<c>1</c>, as the API itself writes version numbers), and writes it as a string.
/// </summary>
public sealed class VersionReferenceJsonConverter : JsonConverter<string>
{
    /// <summary>What a version reference may be, for error messages.</summary>
    public const string Expected = "a version number, an alias or a revision id";

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException($"a version must be {Expected}"),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
