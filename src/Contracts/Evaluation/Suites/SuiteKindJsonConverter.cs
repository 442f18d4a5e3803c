using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid.Evaluation.Suites;

/// <summary>A <see cref="SuiteKind"/> as its name, the string stored results and suite digests have always held.</summary>
public sealed class SuiteKindJsonConverter : JsonConverter<SuiteKind>
{
    /// <inheritdoc />
    public override SuiteKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return SuiteKind.IsValidName(name) ? new SuiteKind(name!) : throw new JsonException($"'{name}' is not a suite kind's name");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SuiteKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
