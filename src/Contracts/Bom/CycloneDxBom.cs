using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelGrid.Cards;

namespace ModelGrid.Bom;

/// <summary>
/// The AI bill of materials of one published version as CycloneDX 1.6 JSON: the model as a
/// <c>machine-learning-model</c> component with a file component per manifest entry (SHA-256 from the manifest), its
/// licences, and a model card (parameters, the recorded results as performance metrics with their intervals, fairness
/// assessments from bias results, the card's considerations); each suite's data as a <c>data</c> component with its data
/// card and the pinned, hashed third-party files it reads; and each result's environment (ONNX Runtime, execution
/// provider, hardware) as a formula. Pure: the serial number comes from the version's id and revision id, the timestamp
/// is the publish time and the BOM's version is the card revision, so the same version gives the same bytes until a
/// result or a card revision is added.
/// </summary>
public static partial class CycloneDxBom
{
    /// <summary>The media type of a CycloneDX 1.6 JSON document.</summary>
    public const string MediaType = "application/vnd.cyclonedx+json; version=1.6";

    /// <summary>The CycloneDX version written.</summary>
    public const string SpecVersion = "1.6";

    /// <summary>The prefix of the properties the hub defines.</summary>
    public const string PropertyPrefix = "modelgrid:";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The BOM's UTF-8 JSON.</summary>
    /// <param name="input">The version and what is recorded about it.</param>
    public static byte[] Build(BomInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var card = input.Card is null ? null : ModelCard.Parse(input.Card);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
            writer.WriteString("bomFormat", "CycloneDX");
            writer.WriteString("specVersion", SpecVersion);
            writer.WriteString("serialNumber", SerialNumber(input));
            writer.WriteNumber("version", Math.Max(1, input.CardRevision));
            WriteMetadata(writer, input, card);
            writer.WriteStartArray("components");
            foreach (var suite in input.Suites.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                WriteSuite(writer, suite);
            }

            writer.WriteEndArray();
            WriteFormulation(writer, input);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// <c>urn:uuid:</c> of a name-based UUID (version 8, RFC 9562) over the version's id and revision id: one serial
    /// number per version, the same on every export.
    /// </summary>
    /// <param name="input">The version.</param>
    public static string SerialNumber(BomInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"modelgrid-bom\n{ModelRef(input)}\n{input.RevisionId}"));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes, 0, 16);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    /// <summary>The model component's <c>bom-ref</c>: <c>owner/name@N</c>.</summary>
    /// <param name="input">The version.</param>
    public static string ModelRef(BomInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return $"{input.Model}@{Number(input.Version)}";
    }

    /// <summary>A suite's data component <c>bom-ref</c>.</summary>
    /// <param name="suite">The suite.</param>
    public static string SuiteRef(BomSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return $"suite/{suite.Name}";
    }

    private static void WriteMetadata(Utf8JsonWriter writer, BomInput input, ModelCard? card)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("timestamp", input.PublishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartObject("tools");
        writer.WriteStartArray("components");
        writer.WriteStartObject();
        writer.WriteString("type", "application");
        writer.WriteString("name", "ModelGrid");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("component");
        WriteModel(writer, input, card);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter writer, BomInput input, ModelCard? card)
    {
        writer.WriteString("type", "machine-learning-model");
        writer.WriteString("bom-ref", ModelRef(input));
        writer.WriteString("name", input.Model.ToString());
        writer.WriteString("version", Number(input.Version));
        if (input.Description is { Length: > 0 } description)
        {
            writer.WriteString("description", description);
        }

        BomLicences.Write(writer, [DeclaredLicence(card) ?? input.ModelLicense, .. input.ComponentLicences.Select(l => l.Licence)]);
        writer.WriteString("purl", $"pkg:generic/{input.Model.Owner}/{input.Model.Name}@{Number(input.Version)}");
        writer.WriteStartArray("components");
        foreach (var file in input.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "file");
            writer.WriteString("bom-ref", $"{ModelRef(input)}/{file.Path}");
            writer.WriteString("name", file.Path);
            WriteSha256(writer, file.Sha256);
            WriteProperties(writer, [("size", Number(file.Size))]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteModelCard(writer, input, card);
        WriteProperties(writer, [
            ("revisionId", input.RevisionId),
            ("cardRevision", input.CardRevision > 0 ? $"r{Number(input.CardRevision)}" : null),
            .. input.ComponentLicences.Select(l => ($"licence:{l.Component}", (string?)l.Licence)),
        ]);
    }

    /// <summary>The card's <c>license</c>, or for <c>other</c> its <c>license_name</c>.</summary>
    private static string? DeclaredLicence(ModelCard? card) =>
        card?.Scalar("license") is { } licence && BomLicences.States(licence) ? licence : card?.Scalar("license_name");

    private static void WriteSha256(Utf8JsonWriter writer, string sha256)
    {
        writer.WriteStartArray("hashes");
        writer.WriteStartObject();
        writer.WriteString("alg", "SHA-256");
        writer.WriteString("content", sha256);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    /// <summary>Writes the properties whose value is not null, each name prefixed with <see cref="PropertyPrefix"/>.</summary>
    private static void WriteProperties(Utf8JsonWriter writer, IEnumerable<(string Name, string? Value)> properties)
    {
        var present = properties.Where(p => p.Value is not null).ToList();
        if (present.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("properties");
        foreach (var (name, value) in present)
        {
            writer.WriteStartObject();
            writer.WriteString("name", PropertyPrefix + name);
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A figure as the stored result has it: the shortest text that reads back as the same double.</summary>
    private static string Figure(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
