using System.Text;
using System.Text.Json.Nodes;
using ModelGrid.Bom;
using ModelGrid.Contracts.Tests.Cards;
using ModelGrid.Testing;

namespace ModelGrid.Contracts.Tests.Bom;

public sealed class CycloneDxBomTests
{
    [Fact]
    public void Build_VersionWithoutResults_ValidatesAgainstTheSchema()
    {
        var json = Text(BomInputs.Version() with { Suites = [] });

        Assert.Empty(CycloneDxSchema.Validate(json));
    }

    [Fact]
    public void Build_VersionWithBiasAndThroughputResults_ValidatesAgainstTheSchema()
    {
        var json = Text(BomInputs.Version(SampleReports.Bias(0.7), SampleReports.BiasWithSmallGroup() with { Suite = "other-bias" }, SampleReports.Throughput()));

        Assert.Empty(CycloneDxSchema.Validate(json));
    }

    [Fact]
    public void Validate_BomWithAWrongHashAndComponentType_ReportsBoth()
    {
        var bom = Parse(BomInputs.Version());
        bom["metadata"]!["component"]!["type"] = "model";
        bom["metadata"]!["component"]!["components"]![0]!["hashes"]![0]!["content"] = "not-hex";

        var errors = CycloneDxSchema.Validate(bom.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("#/metadata.component.type: NotInEnumeration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("#/metadata.component.components[0].hashes[0].content: PatternMismatch", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SameInput_SameBytes()
    {
        var input = BomInputs.Version(SampleReports.Bias(0.7));

        Assert.Equal(CycloneDxBom.Build(input), CycloneDxBom.Build(input with { Files = [.. input.Files.Reverse()] }));
    }

    [Fact]
    public void Build_Version_SerialTimestampAndVersionFromTheVersion()
    {
        var input = BomInputs.Version(SampleReports.Bias(0.7));
        var bom = Parse(input);

        Assert.Equal("CycloneDX", (string?)bom["bomFormat"]);
        Assert.Equal("1.6", (string?)bom["specVersion"]);
        Assert.Equal(CycloneDxBom.SerialNumber(input), (string?)bom["serialNumber"]);
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string?)bom["serialNumber"]);
        Assert.NotEqual(CycloneDxBom.SerialNumber(input), CycloneDxBom.SerialNumber(input with { RevisionId = new string('9', 64) }));
        Assert.NotEqual(CycloneDxBom.SerialNumber(input), CycloneDxBom.SerialNumber(input with { Version = 4 }));
        Assert.Equal("2026-12-01T10:30:00Z", (string?)bom["metadata"]!["timestamp"]);
        Assert.Equal(2, (int?)bom["version"]);
    }

    [Fact]
    public void Build_Version_ModelComponentWithEveryManifestFileAndItsSha256()
    {
        var model = Parse(BomInputs.Version())["metadata"]!["component"]!;

        Assert.Equal("machine-learning-model", (string?)model["type"]);
        Assert.Equal("alice/toy", (string?)model["name"]);
        Assert.Equal("3", (string?)model["version"]);
        Assert.Equal("alice/toy@3", (string?)model["bom-ref"]);
        Assert.Equal("pkg:generic/alice/toy@3", (string?)model["purl"]);
        var files = model["components"]!.AsArray();
        Assert.Equal(["docs/notes.txt", "model.onnx"], files.Select(f => (string?)f!["name"]));
        Assert.Equal([BomInputs.Notes.Sha256, BomInputs.Weights.Sha256], files.Select(f => (string?)f!["hashes"]![0]!["content"]));
        Assert.All(files, f => Assert.Equal("SHA-256", (string?)f!["hashes"]![0]!["alg"]));
        Assert.Equal("1234", Property(files[1]!, "modelgrid:size"));
        Assert.Equal(new string('c', 64), Property(model, "modelgrid:revisionId"));
    }

    [Fact]
    public void Build_CardLicenceInLowerCase_WrittenAsTheSpdxId()
    {
        var licences = Parse(BomInputs.Version())["metadata"]!["component"]!["licenses"]!.AsArray();

        Assert.Equal("Apache-2.0", (string?)Assert.Single(licences)!["license"]!["id"]);
    }

    [Fact]
    public void Build_ComponentLicences_AddedToTheLicencesAndNamedPerComponent()
    {
        var input = BomInputs.Version() with { ComponentLicences = [new("Model parameters (Final)", "Apache-2.0"), new("Training dataset", "CDLA-Permissive-2.0"), new("Technical report", "a custom licence")] };

        var model = Parse(input)["metadata"]!["component"]!;

        var licences = model["licenses"]!.AsArray().Select(l => (string?)l!["license"]!["id"] ?? "name: " + (string?)l!["license"]!["name"]);
        Assert.Equal(["Apache-2.0", "CDLA-Permissive-2.0", "name: a custom licence"], licences);
        Assert.Equal("CDLA-Permissive-2.0", Property(model, "modelgrid:licence:Training dataset"));
        Assert.Empty(CycloneDxSchema.Validate(Text(input)));
    }

    [Fact]
    public void Build_NoCardLicence_TheModelsLicence()
    {
        var licences = Parse(BomInputs.Version() with { Card = null, CardRevision = 0 })["metadata"]!["component"]!["licenses"]!.AsArray();

        Assert.Equal("MIT", (string?)Assert.Single(licences)!["license"]!["id"]);
    }

    [Fact]
    public void Build_SpdxExpression_WrittenAsAnExpression()
    {
        var json = Text(BomInputs.Version() with { Card = null, ModelLicense = "MIT OR Apache-2.0" });

        Assert.Equal("MIT OR Apache-2.0", (string?)Parse(json)["metadata"]!["component"]!["licenses"]![0]!["expression"]);
        Assert.Empty(CycloneDxSchema.Validate(json));
    }

    [Fact]
    public void KnownIds_Every_IsAnIdOfTheSchemasSpdxList()
    {
        var spdx = JsonNode.Parse(File.ReadAllText(Path.Combine(CycloneDxSchema.Folder, "spdx.schema.json")))!["enum"]!.AsArray().Select(n => (string)n!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], BomLicences.KnownIds.Values.Where(id => !spdx.Contains(id)).ToList());
    }

    private static string Text(BomInput input) => Encoding.UTF8.GetString(CycloneDxBom.Build(input));

    private static JsonNode Parse(BomInput input) => Parse(Text(input));

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    internal static string? Property(JsonNode component, string name) =>
        (string?)component["properties"]!.AsArray().Single(p => (string?)p!["name"] == name)!["value"];
}
