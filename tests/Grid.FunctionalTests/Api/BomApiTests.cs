using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ModelGrid.Api;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Testing;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Api;

/// <summary><c>GET …/versions/{ref}/bom</c>: a version's CycloneDX bill of materials, valid under the CycloneDX 1.6 schema.</summary>
[Collection(GridAppGroup.Name)]
public sealed class BomApiTests(GridAppFactory app)
{
    private const string Suite = "compas-recidivism";
    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetBom_CompasVersionEvaluated_ValidAndCarriesTheRecordedFigures()
    {
        var model = await HubTestModel.CreateAsync(app);
        var weights = SampleFile(Suite, 1);
        var card = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", Suite, "v1", "README.md"), Ct);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([weights.File], card), Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, weights.File.Path, new MemoryStream(weights.Bytes), weights.Bytes.Length, weights.File.Sha256, cancellationToken: Ct);
        await model.Client.PublishAsync(model.Id, draft.Number, Ct);
        var job = (await _calls.WaitAsync((await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), Suite))).Job.Id)).Job;
        var report = Report(await _calls.WaitAsync(job.Id));

        using var response = await app.Http(model.Token).GetAsync(new Uri($"{model.Path}/versions/1/bom", UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var again = await model.Client.GetBomAsync(model.Id, "latest", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.cyclonedx+json; version=1.6", response.Content.Headers.ContentType!.ToString());
        Assert.Empty(CycloneDxSchema.Validate(Encoding.UTF8.GetString(bytes)));
        Assert.Equal(bytes, again);
        var bom = JsonNode.Parse(bytes)!;
        var component = bom["metadata"]!["component"]!;
        Assert.Equal(weights.File.Sha256, (string?)component["components"]![0]!["hashes"]![0]!["content"]);
        Assert.Equal("Apache-2.0", (string?)component["licenses"]![0]!["license"]!["id"]);
        var metrics = component["modelCard"]!["quantitativeAnalysis"]!["performanceMetrics"]!.AsArray();
        AssertFigure(metrics, report.Metric("accuracy")!, "compas-recidivism@1");
        var race = report.Fairness.Single(v => v.Name == "race");
        AssertFigure(metrics, race.Groups.Single(g => g.Group == "African-American").Rates.Single(r => r.Name == "false_positive_rate"), "compas-recidivism@1; race = African-American");
        AssertFigure(metrics, race.Disparities[0], "compas-recidivism@1; race");
        Assert.Contains(component["modelCard"]!["considerations"]!["fairnessAssessments"]!.AsArray(), a => (string?)a!["groupAtRisk"] == "compas-recidivism@1; race = African-American");
        Assert.NotEmpty(component["modelCard"]!["considerations"]!["technicalLimitations"]!.AsArray());
        var data = bom["components"]!.AsArray().Single(c => (string?)c!["name"] == Suite)!;
        var compas = data["components"]![0]!;
        Assert.Equal("bfd1744170e070a1271d6ec13bfa6736ee0b3dad075125a76e434a8153a15bb5", (string?)compas["hashes"]![0]!["content"]);
        Assert.Equal(
            "https://raw.githubusercontent.com/propublica/compas-analysis/bafff5da3f2e45eca6c2d5055faad269defd135a/compas-scores-two-years.csv",
            (string?)compas["externalReferences"]![0]!["url"]);
        Assert.StartsWith("---\n", (string?)data["data"]![0]!["contents"]!["attachment"]!["content"], StringComparison.Ordinal);
        var runtime = bom["formulation"]![0]!["components"]![0]!;
        Assert.Equal(report.Environment.RuntimeVersion, (string?)runtime["version"]);
    }

    [Fact]
    public async Task GetBom_VersionWithoutResultsOrCard_ValidWithoutAnalysis()
    {
        var model = await HubTestModel.CreateAsync(app);
        var file = HubTestModel.RandomFile("weights.bin", 64);
        var version = await model.PublishAsync(file);

        var bytes = await app.Client().GetBomAsync(model.Id, version.RevisionId!, Ct);

        Assert.Empty(CycloneDxSchema.Validate(Encoding.UTF8.GetString(bytes)));
        var component = JsonNode.Parse(bytes)!["metadata"]!["component"]!;
        Assert.Equal(file.File.Sha256, (string?)component["components"]![0]!["hashes"]![0]!["content"]);
        Assert.Null(component["modelCard"]!["quantitativeAnalysis"]);
        Assert.Equal(version.PublishedAt!.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), (string?)JsonNode.Parse(bytes)!["metadata"]!["timestamp"]);
    }

    [Fact]
    public async Task GetBom_VersionWithOpennessRecord_CarriesEachComponentsResolvedLicence()
    {
        var model = await HubTestModel.CreateAsync(app);
        var version = await model.PublishAsync(HubTestModel.RandomFile("model.onnx", 8));
        var record = new OpennessRecord("m", "me", null, new ReleaseLicenses(new ReleaseLicense("Apache-2.0")),
        [
            new ComponentRelease(MofComponents.FinalParameters, Files: ["model.onnx"]),
            new ComponentRelease(MofComponents.ModelCard, "CC-BY-4.0"),
            new ComponentRelease(MofComponents.TechnicalReport, OpennessRecord.Unlicensed),
        ]);
        using var http = app.Http(model.Token);
        using var set = await http.PutAsJsonAsync($"{model.Path}/versions/1/openness", record, ApiJson.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var bytes = await app.Client().GetBomAsync(model.Id, version.RevisionId!, Ct);

        Assert.Empty(CycloneDxSchema.Validate(Encoding.UTF8.GetString(bytes)));
        var properties = JsonNode.Parse(bytes)!["metadata"]!["component"]!["properties"]!.AsArray()
            .Where(p => ((string?)p!["name"])!.StartsWith("modelgrid:licence:", StringComparison.Ordinal))
            .Select(p => $"{(string?)p!["name"]}={(string?)p!["value"]}");
        Assert.Equal(
            [$"modelgrid:licence:{MofComponents.FinalParameters}=Apache-2.0", $"modelgrid:licence:{MofComponents.ModelCard}=CC-BY-4.0"],
            properties);
    }

    [Fact]
    public async Task GetBom_PrivateModelOfAnother_IsNotFound_AndTheOwnerReadsIt()
    {
        var model = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        var stranger = await app.TokenAsync($"s{Guid.NewGuid():N}"[..14], "read");

        using var anonymous = await app.Http().GetAsync(new Uri($"{model.Path}/versions/1/bom", UriKind.Relative), Ct);
        using var other = await app.Http(stranger).GetAsync(new Uri($"{model.Path}/versions/1/bom", UriKind.Relative), Ct);
        using var owner = await app.Http(model.Token).GetAsync(new Uri($"{model.Path}/versions/1/bom", UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(anonymous, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(other, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task GetBom_BadReferenceOrDraft_ProblemDetails()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([HubTestModel.RandomFile("d.bin", 8).File]), Ct);
        using var http = app.Http(model.Token);

        using var bad = await http.GetAsync(new Uri($"{model.Path}/versions/-x/bom", UriKind.Relative), Ct);
        using var missing = await http.GetAsync(new Uri($"{model.Path}/versions/7/bom", UriKind.Relative), Ct);
        using var draft = await http.GetAsync(new Uri($"{model.Path}/versions/2/bom", UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(bad, HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Contains("is a draft", await ApiAssert.ProblemAsync(draft, HttpStatusCode.Conflict, "Version not published"), StringComparison.Ordinal);
    }

    /// <summary>The figure of that name and slice has the stored value and interval, written as the stored result writes them.</summary>
    private static void AssertFigure(JsonArray metrics, MetricValue expected, string slice)
    {
        var metric = Assert.Single(metrics, m => (string?)m!["type"] == expected.Name && (string?)m["slice"] == slice)!;
        Assert.Equal(expected.Value, double.Parse((string)metric["value"]!, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Lower, double.Parse((string)metric["confidenceInterval"]!["lowerBound"]!, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Upper, double.Parse((string)metric["confidenceInterval"]!["upperBound"]!, CultureInfo.InvariantCulture));
    }
}
