using System.Net;
using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>Drafts are listed and deleted by their owner's publishers, wrong declarations removed, and counted only for those who may see them.</summary>
[Collection(GridAppGroup.Name)]
public sealed class DraftsApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAndListModels_CountOnlyTheVersionsTheCallerMaySee()
    {
        var model = await HubTestModel.CreateAsync(app);
        for (var i = 0; i < 4; i++)
        {
            await model.PublishAsync(HubTestModel.RandomFile("w.bin", 100));
        }

        await model.Client.WithdrawAsync(model.Id, 2, "superseded", Ct);
        for (var i = 0; i < 17; i++)
        {
            await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([HubTestModel.RandomFile("w.bin", 10).File]), Ct);
        }

        var stranger = await app.TokenAsync($"s{Guid.NewGuid():N}"[..14], "read", "publish");
        foreach (var token in new[] { null, stranger })
        {
            var details = await JsonAsync(app.Http(token), model.Path);
            var listed = (await JsonAsync(app.Http(token), $"/api/v1/models?owner={model.Id.Owner}")).GetProperty("items").EnumerateArray().Single();
            Assert.Equal(4, details.GetProperty("versionCount").GetInt32());
            Assert.False(details.TryGetProperty("draftCount", out _));
            Assert.Equal(4, listed.GetProperty("versionCount").GetInt32());
            Assert.False(listed.TryGetProperty("draftCount", out _));
        }

        var own = await JsonAsync(app.Http(model.Token), model.Path);
        var ownListed = (await JsonAsync(app.Http(model.Token), $"/api/v1/models?owner={model.Id.Owner}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(4, own.GetProperty("versionCount").GetInt32());
        Assert.Equal(17, own.GetProperty("draftCount").GetInt32());
        Assert.Equal(4, ownListed.GetProperty("versionCount").GetInt32());
        Assert.False(ownListed.TryGetProperty("draftCount", out _));
        Assert.Equal(4, own.GetProperty("latestVersion").GetInt32());
    }

    [Fact]
    public async Task ListVersions_StatusDraft_ShowsDraftsToTheOwnersPublishersOnly()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 100));
        await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([HubTestModel.RandomFile("w.bin", 10).File]), Ct);
        await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([HubTestModel.RandomFile("w.bin", 10).File]), Ct);
        var reader = await app.TokenAsync(model.Id.Owner, "read");

        var drafts = await JsonAsync(app.Http(model.Token), $"{model.Path}/versions?status=draft");
        var published = await JsonAsync(app.Http(model.Token), $"{model.Path}/versions?status=published");
        var old = await JsonAsync(app.Http(model.Token), $"{model.Path}/versions?status=draft&olderThan=1d");
        var stale = await JsonAsync(app.Http(model.Token), $"{model.Path}/versions?stale=true");
        var anonymous = await JsonAsync(app.Http(), $"{model.Path}/versions?status=draft");
        var readOnly = await JsonAsync(app.Http(reader), $"{model.Path}/versions?status=draft");

        Assert.Equal([3, 2], drafts.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.All(drafts.EnumerateArray(), v => Assert.Equal("draft", v.GetProperty("status").GetString()));
        Assert.Equal([1], published.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(0, old.GetArrayLength());
        Assert.Equal(0, stale.GetArrayLength());
        Assert.Equal(0, anonymous.GetArrayLength());
        Assert.Equal(0, readOnly.GetArrayLength());
    }

    [Theory]
    [InlineData("status=unknown", "status")]
    [InlineData("status=draft&olderThan=soon", "olderThan")]
    [InlineData("status=published&olderThan=1d", "drafts")]
    public async Task ListVersions_BadFilter_Is400(string query, string expected)
    {
        var model = await HubTestModel.CreateAsync(app);

        using var response = await app.Http(model.Token).GetAsync(new Uri($"{model.Path}/versions?{query}", UriKind.Relative), Ct);

        Assert.Contains(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteDraft_RemovesItAndItsUploads_AndTheNumberIsNotReused()
    {
        var model = await HubTestModel.CreateAsync(app);
        var big = HubTestModel.RandomFile("big.bin", 1000);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([big.File]), Ct);
        var session = await model.Client.StartUploadAsync(model.Id, draft.Number, new StartUploadRequest("big.bin", 1000, big.File.Sha256), Ct);
        using var http = app.Http(model.Token);

        using var deleted = await http.DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}", UriKind.Relative), Ct);
        using var again = await http.DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}", UriKind.Relative), Ct);
        using var version = await http.GetAsync(new Uri($"{model.Path}/versions/{draft.Number}", UriKind.Relative), Ct);
        using var upload = await http.GetAsync(new Uri($"/api/v1/uploads/{session.Id}", UriKind.Relative), Ct);
        var next = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([big.File]), Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiAssert.ProblemAsync(again, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(version, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(upload, HttpStatusCode.NotFound);
        Assert.Equal(2, next.Number);
        Assert.Equal([2], (await model.Client.ListVersionsAsync(model.Id, Ct)).Select(v => v.Number));
    }

    [Fact]
    public async Task DeleteVersion_PublishedOrWithoutTheRight_IsRefused()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 100));
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([HubTestModel.RandomFile("w.bin", 10).File]), Ct);
        var stranger = await app.TokenAsync($"s{Guid.NewGuid():N}"[..14], "read", "publish");

        using var published = await app.Http(model.Token).DeleteAsync(new Uri($"{model.Path}/versions/1", UriKind.Relative), Ct);
        using var anonymous = await app.Http().DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}", UriKind.Relative), Ct);
        using var other = await app.Http(stranger).DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}", UriKind.Relative), Ct);
        using var alias = await app.Http(model.Token).DeleteAsync(new Uri($"{model.Path}/versions/latest", UriKind.Relative), Ct);

        Assert.Contains("withdraw", await ApiAssert.ProblemAsync(published, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(other, HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(alias, HttpStatusCode.BadRequest);
        Assert.Equal([(2, VersionStatus.Draft), (1, VersionStatus.Published)], (await model.Client.ListVersionsAsync(model.Id, Ct)).Select(v => (v.Number, v.Status)));
    }

    [Fact]
    public async Task RemoveFile_AWrongDeclaration_LetsTheCorrectUploadThrough()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("a.bin", 1000);
        var b = HubTestModel.RandomFile("b.bin", 1000);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([a.File]), Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, "a.bin", new MemoryStream(a.Bytes), 1000, a.File.Sha256, cancellationToken: Ct);
        using var http = app.Http(model.Token);

        await model.Client.DeclareFileAsync(model.Id, draft.Number, b.File with { Sha256 = a.File.Sha256 }, Ct);
        using var refused = await PutAsync(http, model, draft.Number, "b.bin", b.Bytes, b.File.Sha256);
        using var removed = await http.DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}/files/b.bin", UriKind.Relative), Ct);
        using var accepted = await PutAsync(http, model, draft.Number, "b.bin", b.Bytes, b.File.Sha256);
        var published = await model.Client.PublishAsync(model.Id, draft.Number, Ct);

        Assert.Contains("DELETE", await ApiAssert.ProblemAsync(refused, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal([a.File, b.File], published.Files.Select(f => f.ToManifestFile()));
    }

    [Fact]
    public async Task RemoveFile_APresentFile_LeavesItOutOfTheVersion_AndPublishedFilesStay()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("dir/a.bin", 100);
        var b = HubTestModel.RandomFile("b.bin", 100);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([a.File, b.File]), Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, "dir/a.bin", new MemoryStream(a.Bytes), 100, a.File.Sha256, cancellationToken: Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, "b.bin", new MemoryStream(b.Bytes), 100, b.File.Sha256, cancellationToken: Ct);
        using var http = app.Http(model.Token);

        using var removed = await http.DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}/files/dir/a.bin", UriKind.Relative), Ct);
        using var missing = await http.DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}/files/dir/a.bin", UriKind.Relative), Ct);
        var published = await model.Client.PublishAsync(model.Id, draft.Number, Ct);
        using var frozen = await http.DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}/files/b.bin", UriKind.Relative), Ct);
        using var anonymous = await app.Http().DeleteAsync(new Uri($"{model.Path}/versions/{draft.Number}/files/b.bin", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ApiAssert.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(["b.bin"], published.Files.Select(f => f.Path));
        Assert.Contains("never change", await ApiAssert.ProblemAsync(frozen, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient http, string uri)
    {
        using (http)
        {
            using var response = await http.GetAsync(new Uri(uri, UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, HubTestModel model, int version, string path, byte[] bytes, string sha256)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{model.Path}/versions/{version}/files/{path}") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-Grid-Sha256", sha256);
        return await http.SendAsync(request, Ct);
    }
}
