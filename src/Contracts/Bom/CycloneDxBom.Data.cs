using System.Text.Json;
using ModelGrid.Cards;

namespace ModelGrid.Bom;

/// <summary>The suites' data and the evaluation environments.</summary>
public static partial class CycloneDxBom
{
    /// <summary>The media type of the data cards the BOM attaches.</summary>
    private const string MarkdownType = "text/markdown";

    /// <summary>
    /// A suite's data as a <c>data</c> component: its data card attached, its declared files as nested <c>data</c>
    /// components with SHA-256, licence and pinned source (for a derived file, the original's address and digest).
    /// </summary>
    private static void WriteSuite(Utf8JsonWriter writer, BomSuite suite)
    {
        var reference = SuiteRef(suite);
        writer.WriteStartObject();
        writer.WriteString("type", "data");
        writer.WriteString("bom-ref", reference);
        writer.WriteString("name", suite.Id);
        writer.WriteString("version", Number(suite.Version));
        writer.WriteString("description", suite.Description);
        var card = suite.DataCard is null ? null : ModelCard.Parse(suite.DataCard);
        BomLicences.Write(writer, [card?.Scalar("license")]);
        if (suite.Artifacts.Count > 0)
        {
            writer.WriteStartArray("components");
            foreach (var artifact in suite.Artifacts)
            {
                WriteArtifact(writer, $"{reference}/{artifact.Name}", artifact);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("data");
        writer.WriteStartObject();
        writer.WriteString("type", "dataset");
        writer.WriteString("name", suite.Name);
        if (suite.DataCard is { } text)
        {
            writer.WriteStartObject("contents");
            writer.WriteStartObject("attachment");
            writer.WriteString("contentType", MarkdownType);
            writer.WriteString("content", text);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteProperties(writer, [("suiteDigest", suite.Digest)]);
        writer.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter writer, string reference, BomArtifact artifact)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "data");
        writer.WriteString("bom-ref", reference);
        writer.WriteString("name", artifact.Name);
        if (artifact.Description is { Length: > 0 } description)
        {
            writer.WriteString("description", description);
        }

        WriteSha256(writer, artifact.Sha256);
        BomLicences.Write(writer, [artifact.License]);
        if (artifact.Source is not null || artifact.Original is not null)
        {
            writer.WriteStartArray("externalReferences");
            if (artifact.Source is { } source)
            {
                writer.WriteStartObject();
                writer.WriteString("url", source.AbsoluteUri);
                writer.WriteString("type", "distribution");
                writer.WriteString("comment", "pinned source; the hub verifies size and SHA-256 on every fetch");
                WriteSha256(writer, artifact.Sha256);
                writer.WriteEndObject();
            }

            if (artifact.Original is { } original)
            {
                writer.WriteStartObject();
                writer.WriteString("url", original.Source.AbsoluteUri);
                writer.WriteString("type", "distribution");
                writer.WriteString("comment", $"pinned source of the original, {original.Name} ({Number(original.Size)} bytes); this file is made from it: {original.Transform}");
                WriteSha256(writer, original.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteProperties(writer, [("size", Number(artifact.Size)), ("madeHow", artifact.MadeHow)]);
        writer.WriteEndObject();
    }

    /// <summary>One formula per recorded result: the ONNX Runtime build and the hardware it ran on, and the run's facts.</summary>
    private static void WriteFormulation(Utf8JsonWriter writer, BomInput input)
    {
        if (input.Results.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("formulation");
        foreach (var result in input.Results)
        {
            var report = result.Report;
            var environment = report.Environment;
            var reference = $"evaluation/{result.JobId:D}/{Number(result.Attempt)}";
            writer.WriteStartObject();
            writer.WriteString("bom-ref", reference);
            writer.WriteStartArray("components");
            writer.WriteStartObject();
            writer.WriteString("type", "framework");
            writer.WriteString("bom-ref", $"{reference}/onnxruntime");
            writer.WriteString("name", "ONNX Runtime");
            writer.WriteString("version", environment.RuntimeVersion);
            WriteProperties(writer, [
                ("executionProvider.requested", environment.RequestedProvider),
                ("executionProvider.actual", environment.ActualProvider),
                ("executionProvider.fallbackReason", environment.FallbackReason),
                ("intraOpThreads", Number(environment.IntraOpThreads)),
            ]);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("type", "device");
            writer.WriteString("bom-ref", $"{reference}/hardware");
            writer.WriteString("name", environment.Gpu ?? environment.Cpu);
            WriteProperties(writer, [
                ("hardwareClass", environment.HardwareClass),
                ("cpu", environment.Cpu),
                ("gpu", environment.Gpu),
                ("logicalCores", Number(environment.LogicalCores)),
            ]);
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteProperties(writer, [
                ("suite", SuiteName(report)),
                ("suiteDigest", report.SuiteDigest),
                ("evaluator", report.Evaluator),
                ("modelSha256", report.ModelSha256),
                ("rows", Number(report.Rows)),
                ("job", result.JobId.ToString("D")),
                ("attempt", Number(result.Attempt)),
                ("os", environment.Os),
                ("dotnet", environment.Dotnet),
            ]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
