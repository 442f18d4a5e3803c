using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class OpennessApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string MotFile(string name) => File.ReadAllText(Path.Combine(TestArtifacts.SharedPath("mot/models"), name));

    [Fact]
    public async Task SetOpenness_MotYaml_ClassInViewListingCardAndBadge()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));

        var set = await model.Client.SetOpennessAsync(model.Id, "1", MotFile("Granite-4-1.yml"), Ct);
        var got = await app.Client().GetOpennessAsync(model.Id, "latest", Ct);
        var card = await app.Client().GetCardAsync(model.Id, "1", cancellationToken: Ct);
        var classIII = await ListAsync($"owner={model.Id.Owner}&mofClass=III");
        var classI = await ListAsync($"owner={model.Id.Owner}&mofClass=I");

        Assert.Equal(MofClass.ClassIII, set.Class);
        Assert.Equal(new MofProgress(0, 60, 100), got.Progress);
        Assert.Equal(1, got.Revision);
        Assert.Equal(set.RevisionId, got.RevisionId);
        Assert.Equal(["Training code", "Inference code", "Evaluation code", "Evaluation data"], got.MissingForNextClass.Select(m => m.Component));
        Assert.Equal(got.Components.Select(c => c.Name), got.Unverified);
        Assert.Equal(MofClass.ClassIII, Assert.Single(classIII.Items).OpennessClass);
        Assert.Empty(classI.Items);
        Assert.Contains("## Openness (Model Openness Framework)\n\n**Class III - Open Model**", card, StringComparison.Ordinal);
        Assert.Contains("- Training code: not included\n", card, StringComparison.Ordinal);
        Assert.Equal("openness", (await app.Client().ListCardsAsync(model.Id, "1", Ct))[^1].Source);
    }

    [Fact]
    public async Task GetOpennessBadge_ByRevision_SvgWithETagAnd304()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        var set = await model.Client.SetOpennessAsync(model.Id, "1", MotFile("Polyglot-Ko.yml"), Ct);
        using var http = app.Http();

        using var badge = await http.GetAsync(new Uri($"{model.Path}/versions/1/openness/badge.svg", UriKind.Relative), Ct);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"{model.Path}/versions/1/openness/badge.svg");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{set.RevisionId}\""));
        using var notModified = await http.SendAsync(again, Ct);

        Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
        Assert.Equal("image/svg+xml", badge.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{set.RevisionId}\"", badge.Headers.ETag?.Tag);
        Assert.Equal("public, max-age=300", badge.Headers.CacheControl?.ToString());
        Assert.Contains(">Class II · I 92.86%</text>", await badge.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task SetOpenness_JsonWithTaggedFiles_VerifiedAgainstTheManifest()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("model.onnx", 8), HubTestModel.RandomFile("README.md", 4));
        var record = new OpennessRecord("m", "me", null, new ReleaseLicenses(new ReleaseLicense("MIT")),
        [
            new ComponentRelease(MofComponents.FinalParameters, Files: ["model.onnx"]),
            new ComponentRelease(MofComponents.ModelCard, "CC-BY-4.0", ComponentPath: "README.md"),
            new ComponentRelease(MofComponents.TechnicalReport, ComponentPath: "https://example.org/report.pdf"),
        ]);
        using var http = app.Http(model.Token);

        using var response = await http.PutAsJsonAsync($"{model.Path}/versions/1/openness", record, ApiJson.Options, Ct);
        var view = await response.Content.ReadFromJsonAsync<OpennessView>(ApiJson.Options, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [ComponentVerification.Verified, ComponentVerification.Verified, ComponentVerification.Claimed],
            view!.Components.Select(c => c.Verification));
        Assert.Equal([MofComponents.TechnicalReport], view.Unverified);
        Assert.Equal(["MIT", "CC-BY-4.0", "MIT"], view.Components.Select(c => c.License));
        Assert.False(view.Components[0].TypeAppropriate);
    }

    [Fact]
    public async Task SetOpenness_TagsAFileTheVersionDoesNotHold_Is400AndNothingIsStored()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        var record = new OpennessRecord("m", null, null, ReleaseLicenses.None, [new ComponentRelease(MofComponents.FinalParameters, Files: ["weights.bin"])]);
        using var http = app.Http(model.Token);

        using var response = await http.PutAsJsonAsync($"{model.Path}/versions/1/openness", record, ApiJson.Options, Ct);

        Assert.Equal(
            $"the record tags files that {model.Id}@1 does not hold: 'weights.bin' (tagged as Model parameters (Final))",
            await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest));
        var missing = await Assert.ThrowsAsync<GridApiException>(() => app.Client().GetOpennessAsync(model.Id, "1", Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task SetOpenness_UnknownComponent_Is400WithOneLine()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        using var http = app.Http(model.Token);
        using var body = new StringContent("framework: {name: Model Openness Framework}\nrelease:\n  name: x\n  components:\n    - name: Weights\n", Encoding.UTF8, "application/yaml");

        using var response = await http.PutAsync(new Uri($"{model.Path}/versions/1/openness", UriKind.Relative), body, Ct);

        Assert.StartsWith(
            "the openness record is not accepted: release.components[0]: 'Weights' is not a Model Openness Framework component",
            await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetOpenness_ByAnotherNamespace_Is403AndPrivateRecordsAreHidden()
    {
        var model = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        await model.Client.SetOpennessAsync(model.Id, "1", MotFile("Granite-4-1.yml"), Ct);
        var strangerToken = await app.TokenAsync($"s{Guid.NewGuid():N}"[..14], "read", "publish");
        var stranger = app.Client(strangerToken);

        var write = await Assert.ThrowsAsync<GridApiException>(() => stranger.SetOpennessAsync(model.Id, "1", MotFile("Amber.yml"), Ct));
        var read = await Assert.ThrowsAsync<GridApiException>(() => stranger.GetOpennessAsync(model.Id, "1", Ct));
        var page = await ListAsync("mofClass=III&pageSize=500", strangerToken);

        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.DoesNotContain(page.Items, m => m.Id == model.Id);
        Assert.Equal(MofClass.ClassIII, (await model.Client.GetOpennessAsync(model.Id, "1", Ct)).Class);
    }

    [Fact]
    public async Task GetOpennessYaml_AfterImport_IsMotsExportOfTheFile()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        var file = MotFile("Pythia-70M.yml");
        await model.Client.SetOpennessAsync(model.Id, "1", file, Ct);

        var yaml = await app.Client().GetOpennessYamlAsync(model.Id, "1", Ct);

        Assert.Equal(MotYaml.Write(MotYaml.Read(file)), yaml);
        Assert.Equal(MotYaml.Read(file), MotYaml.Read(yaml));
    }

    [Fact]
    public async Task ListModels_BadMofClass_Is400()
    {
        using var response = await app.Http().GetAsync(new Uri("/api/v1/models?mofClass=IV", UriKind.Relative), Ct);

        Assert.Equal("mofClass is I, II, III or none (a record that reaches no class), not 'IV'", await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest));
    }

    private async Task<ModelPage> ListAsync(string query, string? token = null)
    {
        using var http = app.Http(token);
        return (await http.GetFromJsonAsync<ModelPage>($"/api/v1/models?{query}", ApiJson.Options, Ct))!;
    }
}
