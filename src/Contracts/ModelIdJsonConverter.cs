using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid;

/// <summary>Writes a <see cref="ModelId"/> as the string <c>owner/name</c> in JSON.</summary>
public sealed class ModelIdJsonConverter : JsonConverter<ModelId>
{
    /// <inheritdoc />
    public override ModelId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ModelId.TryParse(reader.GetString(), out var id, out var error) ? id : throw new JsonException(error);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ModelId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
