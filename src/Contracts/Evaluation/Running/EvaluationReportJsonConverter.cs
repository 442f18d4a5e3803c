using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// Writes and reads a report inside another answer with the stored result's own conventions (<see cref="EvaluationJson"/>),
/// so a result served by the API has the members and values of its stored JSON.
/// </summary>
public sealed class EvaluationReportJsonConverter : JsonConverter<EvaluationReport>
{
    /// <inheritdoc />
    public override EvaluationReport? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<EvaluationReport>(ref reader, EvaluationJson.Options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EvaluationReport value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, EvaluationJson.Options);
}
