using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// The stored form of an <see cref="EvaluationReport"/>: JSON in the records' declared property order, camelCase,
/// enums as kebab-case strings, numbers as shortest round-trip invariant text and NaN as <c>"NaN"</c>, indented with
/// <c>\n</c> line ends. The same report always gives the same bytes.
/// </summary>
public static class EvaluationJson
{
    /// <summary>The serializer options used for results.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report's bytes.</summary>
    public static byte[] Serialize(EvaluationReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);

    /// <summary>Reads a stored report.</summary>
    public static EvaluationReport Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<EvaluationReport>(json, Options) ?? throw new JsonException("the result is empty");
}
