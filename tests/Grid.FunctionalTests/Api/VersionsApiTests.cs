using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class VersionsApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DraftUploadPublish_GivesAnImmutableVersionWithItsCanonicalManifest()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("weights/model.onnx", 300_000);
        var b = HubTestModel.RandomFile("config.json", 100);

        var published = await model.PublishAsync(a, b);
        var manifest = await model.Client.GetManifestAsync(model.Id, "1", Ct);

        var expected = $"{{\"files\":[{{\"path\":\"config.json\",\"size\":100,\"sha256\":\"{b.File.Sha256}\"}},{{\"path\":\"weights/model.onnx\",\"size\":300000,\"sha256\":\"{a.File.Sha256}\"}}]}}";
        Assert.Equal(expected, Encoding.UTF8.GetString(manifest));
        Assert.Equal(ApiAssert.Sha256(Encoding.UTF8.GetBytes(expected)), published.RevisionId);
        Assert.Equal(VersionStatus.Published, published.Status);
        Assert.Equal(1, (await model.Client.GetModelAsync(model.Id, Ct)).LatestVersion);
        Assert.Equal(published.RevisionId, (await model.Client.GetVersionAsync(model.Id, published.RevisionId![..40], Ct)).RevisionId);
    }

    [Fact]
    public async Task Publish_WithAMissingFile_Is409AndTheVersionStaysADraft()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("a.bin", 1000);
        var b = HubTestModel.RandomFile("b.bin", 1000);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([a.File, b.File]), Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, "a.bin", new MemoryStream(a.Bytes), 1000, a.File.Sha256, cancellationToken: Ct);

        using var http = app.Http(model.Token);
        using var response = await http.PostAsync(new Uri($"{model.Path}/versions/{draft.Number}/publish", UriKind.Relative), null, Ct);

        Assert.Contains("b.bin", await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(VersionStatus.Draft, (await model.Client.GetVersionAsync(model.Id, "1", Ct)).Status);
        using var anonymous = await app.Http().GetAsync(new Uri($"{model.Path}/versions/1", UriKind.Relative), Ct);
        await ApiAssert.ProblemAsync(anonymous, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_ToAPublishedVersion_Is409BeforeTheBodyIsRead()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("a.bin", 1000);
        await model.PublishAsync(a);
        var c = HubTestModel.RandomFile("c.bin", 1000);

        using var response = await Put(model, 1, "c.bin", c.Bytes, c.File.Sha256);

        Assert.Contains("never change", await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(["a.bin"], (await model.Client.GetVersionAsync(model.Id, "1", Ct)).Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Upload_WithWrongDigestOrSize_Is400AndNothingIsStored()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("a.bin", 5000);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([a.File]), Ct);
        var other = HubTestModel.RandomFile("a.bin", 5000);

        using var wrongBytes = await Put(model, draft.Number, "a.bin", other.Bytes, null);
        using var wrongDeclaration = await Put(model, draft.Number, "loose.bin", other.Bytes, a.File.Sha256);
        using var wrongSize = await Put(model, draft.Number, "a.bin", a.Bytes[..4000], null);

        Assert.Contains("nothing was stored", await ApiAssert.ProblemAsync(wrongBytes, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains(other.File.Sha256, await ApiAssert.ProblemAsync(wrongDeclaration, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(wrongSize, HttpStatusCode.Conflict);
        Assert.False(File.Exists(ContentPath(other.File.Sha256)));
        Assert.All((await model.Client.GetVersionAsync(model.Id, "1", Ct)).Files, f => Assert.False(f.Present));
    }

    [Theory]
    [InlineData("..%2Fescape.bin", "'%'")]
    [InlineData("a/../../escape.bin", "path traversal")]
    [InlineData("%2Fabsolute.bin", "absolute")]
    [InlineData("hash%23tag.bin", "'#'")]
    [InlineData("question%3F.bin", "'?'")]
    [InlineData("back%5Cslash.bin", "'\\'")]
    public async Task Upload_BadFilePath_Is400(string path, string expected)
    {
        var model = await HubTestModel.CreateAsync(app);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([HubTestModel.RandomFile("ok.bin", 10).File]), Ct);
        var bytes = ApiAssert.Bytes("data");

        using var http = app.Http(model.Token);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{model.Path}/versions/{draft.Number}/files/{path}") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-Grid-Sha256", ApiAssert.Sha256(bytes));
        using var response = await http.SendAsync(request, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"got {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }

        Assert.Equal(["ok.bin"], (await model.Client.GetVersionAsync(model.Id, draft.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).Files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("../escape.bin", "path traversal")]
    [InlineData("/absolute.bin", "absolute")]
    [InlineData("nul\0byte.bin", "control character")]
    [InlineData("hash#tag.bin", "'#'")]
    [InlineData("question?.bin", "'?'")]
    public async Task CreateDraft_BadFilePath_Is400AndNoVersionIsAllocated(string path, string expected)
    {
        var model = await HubTestModel.CreateAsync(app);
        using var http = app.Http(model.Token);

        using var response = await http.PostAsJsonAsync($"{model.Path}/versions", new CreateDraftRequest([new ManifestFile(path, 1, new string('a', 64))]), ApiJson.Options, Ct);

        Assert.Contains(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(await model.Client.ListVersionsAsync(model.Id, Ct));
    }

    [Fact]
    public async Task CreateDraft_AFileThatIsNull_Is400AndNoVersionIsAllocated()
    {
        var model = await HubTestModel.CreateAsync(app);
        using var http = app.Http(model.Token);
        using var body = new StringContent("{\"files\":[null]}", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri($"{model.Path}/versions", UriKind.Relative), body, Ct);

        Assert.Contains("a file in 'files' is null", await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(await model.Client.ListVersionsAsync(model.Id, Ct));
    }

    [Fact]
    public async Task DraftPaths_ThatCollideOnSomeFileSystem_Are400NamingBothPaths_HoweverTheyArrive()
    {
        var model = await HubTestModel.CreateAsync(app);
        using var http = app.Http(model.Token);
        var a = HubTestModel.RandomFile("a", 10);
        var nested = HubTestModel.RandomFile("a/b", 10);

        using var atOnce = await http.PostAsJsonAsync($"{model.Path}/versions", new CreateDraftRequest([a.File, nested.File]), ApiJson.Options, Ct);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([a.File]), Ct);
        using var declared = await http.PostAsJsonAsync($"{model.Path}/versions/{draft.Number}/files", nested.File, ApiJson.Options, Ct);
        using var uploaded = await Put(model, draft.Number, "A", a.Bytes, a.File.Sha256);
        using var resumable = await http.PostAsJsonAsync($"{model.Path}/versions/{draft.Number}/uploads", new StartUploadRequest("a/b", 10, nested.File.Sha256), ApiJson.Options, Ct);
        using var reserved = await http.PostAsJsonAsync($"{model.Path}/versions/{draft.Number}/files", new ManifestFile("aux.json", 1, new string('b', 64)), ApiJson.Options, Ct);

        const string FileAndFolder = "'a' is a file, but 'a/b' needs a folder of that name";
        Assert.Equal(FileAndFolder, await ApiAssert.ProblemAsync(atOnce, HttpStatusCode.BadRequest, "Invalid request"));
        Assert.Equal(FileAndFolder, await ApiAssert.ProblemAsync(declared, HttpStatusCode.BadRequest, "Invalid request"));
        Assert.Equal("'a' and 'A' differ only in letter case; Windows and macOS would store them as one file", await ApiAssert.ProblemAsync(uploaded, HttpStatusCode.BadRequest, "Invalid request"));
        Assert.Equal(FileAndFolder, await ApiAssert.ProblemAsync(resumable, HttpStatusCode.BadRequest, "Invalid request"));
        Assert.Equal("'aux.json' uses 'aux.json', a device name Windows reserves (with any extension)", await ApiAssert.ProblemAsync(reserved, HttpStatusCode.BadRequest, "Invalid request"));
        Assert.Equal([1], (await model.Client.ListVersionsAsync(model.Id, Ct)).Select(v => v.Number));
        Assert.Equal(["a"], (await model.Client.GetVersionAsync(model.Id, "1", Ct)).Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Upload_LargerThanTheConfiguredLimit_Is413()
    {
        var model = await HubTestModel.CreateAsync(app);
        var big = HubTestModel.RandomFile("big.bin", (int)GridAppFactory.MaxFileBytes + 1);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([HubTestModel.RandomFile("small.bin", 1).File]), Ct);

        using var response = await Put(model, draft.Number, "big.bin", big.Bytes, big.File.Sha256);
        using var declared = await app.Http(model.Token).PostAsJsonAsync($"{model.Path}/versions", new CreateDraftRequest([big.File]), ApiJson.Options, Ct);

        Assert.Contains("largest file accepted", await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        Assert.Contains("largest file accepted", await ApiAssert.ProblemAsync(declared, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.False(File.Exists(ContentPath(big.File.Sha256)));
    }

    [Fact]
    public async Task Upload_AnonymousOrWithoutDeclaration_IsRefused()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("a.bin", 10);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([a.File]), Ct);

        using var anonymous = await app.Http().PutAsync(new Uri($"{model.Path}/versions/{draft.Number}/files/a.bin", UriKind.Relative), new ByteArrayContent(a.Bytes), Ct);
        using var undeclared = await Put(model, draft.Number, "new.bin", a.Bytes, null);

        await ApiAssert.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Grid-Sha256", await ApiAssert.ProblemAsync(undeclared, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDraft_DigestsTheCallerMayRead_NeedNoUpload_OthersDo()
    {
        var publicModel = await HubTestModel.CreateAsync(app);
        var privateModel = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        var shared = HubTestModel.RandomFile("shared.bin", 2000);
        var secret = HubTestModel.RandomFile("secret.bin", 2000);
        await publicModel.PublishAsync(shared);
        await privateModel.PublishAsync(secret);

        var stranger = await HubTestModel.CreateAsync(app);
        var draft = await stranger.Client.CreateDraftAsync(stranger.Id, new CreateDraftRequest([shared.File, secret.File]), Ct);

        Assert.True(draft.Files.Single(f => f.Path == "shared.bin").Present);
        Assert.False(draft.Files.Single(f => f.Path == "secret.bin").Present);

        // The owner of the private model reuses its own content, in a new model of its namespace too.
        await privateModel.Client.CreateModelAsync(new CreateModelRequest(privateModel.Id.Owner, "second"), Ct);
        var own = await privateModel.Client.CreateDraftAsync(new ModelId(privateModel.Id.Owner, "second"), new CreateDraftRequest([secret.File]), Ct);
        Assert.True(own.Files.Single().Present);

        // The stranger must send the bytes; the hub verifies them and keeps its single copy, and answers as for new content.
        var upload = await stranger.Client.UploadFileAsync(stranger.Id, draft.Number, "secret.bin", new MemoryStream(secret.Bytes), secret.Bytes.Length, secret.File.Sha256, cancellationToken: Ct);
        Assert.Equal("created", upload.Outcome);
        Assert.Equal(VersionStatus.Published, (await stranger.Client.PublishAsync(stranger.Id, draft.Number, Ct)).Status);
    }

    [Fact]
    public async Task Upload_OfBytesOnlyAnotherOwnersPrivateModelHolds_AnswersExactlyAsForNewBytes()
    {
        var alice = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        var secret = HubTestModel.RandomFile("secret.bin", 3000);
        await alice.PublishAsync(secret);
        var unpublished = HubTestModel.RandomFile("draft.bin", 3000);
        var aliceDraft = await alice.Client.CreateDraftAsync(alice.Id, new CreateDraftRequest([unpublished.File]), Ct);
        await alice.Client.UploadFileAsync(alice.Id, aliceDraft.Number, "draft.bin", new MemoryStream(unpublished.Bytes), 3000, unpublished.File.Sha256, cancellationToken: Ct);
        var bob = await HubTestModel.CreateAsync(app);
        var fresh = HubTestModel.RandomFile("fresh.bin", 3000);
        var draft = await bob.Client.CreateDraftAsync(bob.Id, new CreateDraftRequest([secret.File with { Path = "a.bin" }, unpublished.File with { Path = "b.bin" }, fresh.File]), Ct);

        using var known = await Put(bob, draft.Number, "a.bin", secret.Bytes, secret.File.Sha256);
        using var drafted = await Put(bob, draft.Number, "b.bin", unpublished.Bytes, unpublished.File.Sha256);
        using var unknown = await Put(bob, draft.Number, "fresh.bin", fresh.Bytes, fresh.File.Sha256);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(unknown.StatusCode, drafted.StatusCode);
        Assert.Equal($"{{\"path\":\"fresh.bin\",\"size\":3000,\"sha256\":\"{fresh.File.Sha256}\",\"outcome\":\"created\"}}", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal($"{{\"path\":\"a.bin\",\"size\":3000,\"sha256\":\"{secret.File.Sha256}\",\"outcome\":\"created\"}}", await known.Content.ReadAsStringAsync(Ct));
        Assert.Equal($"{{\"path\":\"b.bin\",\"size\":3000,\"sha256\":\"{unpublished.File.Sha256}\",\"outcome\":\"created\"}}", await drafted.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Upload_OfBytesTheCallerMayRead_SaysDeduplicated()
    {
        var shared = HubTestModel.RandomFile("shared.bin", 2000);
        var publisher = await HubTestModel.CreateAsync(app);
        await publisher.PublishAsync(shared);
        var reader = await HubTestModel.CreateAsync(app);
        var draft = await reader.Client.CreateDraftAsync(reader.Id, new CreateDraftRequest([shared.File]), Ct);

        var upload = await reader.Client.UploadFileAsync(reader.Id, draft.Number, "shared.bin", new MemoryStream(shared.Bytes), 2000, shared.File.Sha256, cancellationToken: Ct);

        Assert.True(draft.Files.Single().Present);
        Assert.Equal("deduplicated", upload.Outcome);
    }

    [Fact]
    public async Task Withdraw_FilesAnswer410WithTheReason_LatestFallsBack_ManifestStaysReadable()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("f.bin", 100));
        var v2 = await model.PublishAsync(HubTestModel.RandomFile("f.bin", 100));

        await model.Client.WithdrawAsync(model.Id, v2.Number, "weights leaked private data", Ct);
        using var gone = await app.Http().GetAsync(new Uri($"{model.Path}/versions/2/files/f.bin", UriKind.Relative), Ct);
        var latest = await model.Client.GetVersionAsync(model.Id, "latest", Ct);
        var manifest = await app.Client().GetManifestAsync(model.Id, "2", Ct);

        Assert.Contains("weights leaked private data", await ApiAssert.ProblemAsync(gone, HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Equal(1, latest.Number);
        Assert.Equal(v2.RevisionId, ApiAssert.Sha256(manifest));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("no-such-alias")]
    [InlineData("0123456789012345678901234567890123456789")]
    public async Task UnknownVersionAliasOrRevision_Is404(string reference)
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("f.bin", 10));

        using var version = await app.Http().GetAsync(new Uri($"{model.Path}/versions/{reference}", UriKind.Relative), Ct);
        using var file = await app.Http().GetAsync(new Uri($"{model.Path}/versions/{reference}/files/f.bin", UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(version, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(file, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidReference_Is400()
    {
        using var response = await app.Http().GetAsync(new Uri("/api/v1/models/demo/mnist/versions/Not_Valid!", UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("2147483648")]
    [InlineData("123456789012345678901234567890")]
    public async Task GetVersion_NumberBeyondTheLargest_Is400SayingWhichNumbersExist(string reference)
    {
        using var response = await app.Http().GetAsync(new Uri($"/api/v1/models/demo/mnist/versions/{reference}", UriKind.Relative), Ct);

        Assert.Equal(
            $"'{reference}' is not a version number: numbers run from 1 to 999999999",
            await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "Invalid request"));
    }

    private async Task<HttpResponseMessage> Put(HubTestModel model, int version, string path, byte[] bytes, string? sha256)
    {
        var http = app.Http(model.Token);
        var request = new HttpRequestMessage(HttpMethod.Put, $"{model.Path}/versions/{version}/files/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (sha256 is not null)
        {
            request.Headers.Add("X-Grid-Sha256", sha256);
        }

        return await http.SendAsync(request, Ct);
    }

    private string ContentPath(string sha256) => Path.Combine(app.DataPath, "blobs", "sha256", sha256[..2], sha256);
}
