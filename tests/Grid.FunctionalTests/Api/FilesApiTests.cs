using System.Net;
using System.Net.Http.Headers;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class FilesApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_WholeFile_StreamsTheBytesWithETagAndLength()
    {
        var (model, file) = await PublishedAsync(200_000);

        using var response = await app.Http().GetAsync(Url(model, "1"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{file.File.Sha256}\"", response.Headers.ETag?.ToString());
        Assert.Equal(200_000, response.Content.Headers.ContentLength);
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
        Assert.Equal(file.Bytes, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Head_GivesTheHeadersWithoutABody()
    {
        var (model, file) = await PublishedAsync(12_345);

        using var response = await app.Http().SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(model, "latest")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12_345, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{file.File.Sha256}\"", response.Headers.ETag?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=1000-1999", 1000, 1000)]
    [InlineData("bytes=99990-", 99_990, 10)]
    [InlineData("bytes=-25", 99_975, 25)]
    [InlineData("bytes=99000-200000", 99_000, 1000)]
    public async Task Get_Range_Is206WithExactlyThoseBytes(string range, int offset, int length)
    {
        var (model, file) = await PublishedAsync(100_000);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(model, "1"));
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await app.Http().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {offset}-{offset + length - 1}/100000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(file.Bytes.AsSpan(offset, length).ToArray(), await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Get_RangeOutsideTheFile_Is416WithTheLength()
    {
        var (model, _) = await PublishedAsync(1000);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(model, "1"));
        request.Headers.Range = new RangeHeaderValue(1000, null);

        using var response = await app.Http().SendAsync(request, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Equal("bytes */1000", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Get_IfRange_ResumesOnlyWhileTheContentIsTheSame()
    {
        var (model, file) = await PublishedAsync(5000);
        using var same = new HttpRequestMessage(HttpMethod.Get, Url(model, "1"));
        same.Headers.Range = new RangeHeaderValue(4000, null);
        same.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{file.File.Sha256}\""));
        using var changed = new HttpRequestMessage(HttpMethod.Get, Url(model, "1"));
        changed.Headers.Range = new RangeHeaderValue(4000, null);
        changed.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{new string('0', 64)}\""));

        using var partial = await app.Http().SendAsync(same, Ct);
        using var whole = await app.Http().SendAsync(changed, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(file.Bytes[4000..], await partial.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(file.Bytes, await whole.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Get_IfNoneMatchTheDigest_Is304()
    {
        var (model, file) = await PublishedAsync(100);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(model, "1"));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file.File.Sha256}\""));

        using var response = await app.Http().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Get_ByRevisionIdAliasAndLatest_AllGiveTheSameBytes()
    {
        var (model, file) = await PublishedAsync(777);
        await model.Client.SetAliasAsync(model.Id, "stable", 1, Ct);
        var revision = (await model.Client.GetVersionAsync(model.Id, "1", Ct)).RevisionId!;

        foreach (var reference in new[] { "1", "latest", "main", "stable", revision, revision[..40] })
        {
            using var response = await app.Http().GetAsync(Url(model, reference), Ct);
            Assert.Equal(file.Bytes, await response.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("1", response.Headers.GetValues("X-Grid-Version").Single());
        }
    }

    [Fact]
    public async Task Put_UndeclaredFileWhoseBytesMissTheirDigest_DeclaresNothing_SoTheRightUploadGoesThrough()
    {
        var model = await HubTestModel.CreateAsync(app);
        var a = HubTestModel.RandomFile("a.bin", 100);
        var b = HubTestModel.RandomFile("b.bin", 100);
        var draft = await model.Client.CreateDraftAsync(model.Id, new ModelGrid.Api.CreateDraftRequest([a.File]), Ct);
        using var http = app.Http(model.Token);

        using var wrong = await PutAsync(http, model, draft.Number, "b.bin", b.Bytes, a.File.Sha256);
        var after = await model.Client.GetVersionAsync(model.Id, draft.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        using var right = await PutAsync(http, model, draft.Number, "b.bin", b.Bytes, b.File.Sha256);

        await ApiAssert.ProblemAsync(wrong, HttpStatusCode.BadRequest, "Content does not match its declaration");
        Assert.Equal(["a.bin"], after.Files.Select(f => f.Path));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Get_FileNotInTheVersion_Is404AndADraftsFilesAreNotServed()
    {
        var (model, _) = await PublishedAsync(10);
        var draft = await model.Client.CreateDraftAsync(model.Id, new ModelGrid.Api.CreateDraftRequest([HubTestModel.RandomFile("d.bin", 3).File]), Ct);

        using var missing = await app.Http().GetAsync(new Uri($"{model.Path}/versions/1/files/other.bin", UriKind.Relative), Ct);
        using var ofDraft = await app.Http(model.Token).GetAsync(new Uri($"{model.Path}/versions/{draft.Number}/files/d.bin", UriKind.Relative), Ct);

        Assert.Contains("has no file 'other.bin'", await ApiAssert.ProblemAsync(missing, HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("draft", await ApiAssert.ProblemAsync(ofDraft, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    private async Task<(HubTestModel Model, (ModelGrid.Hub.ManifestFile File, byte[] Bytes) File)> PublishedAsync(int size)
    {
        var model = await HubTestModel.CreateAsync(app);
        var file = HubTestModel.RandomFile("data/file.bin", size);
        await model.PublishAsync(file);
        return (model, file);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, HubTestModel model, int version, string path, byte[] bytes, string sha256)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{model.Path}/versions/{version}/files/{path}") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-Grid-Sha256", sha256);
        return await http.SendAsync(request, Ct);
    }

    private static Uri Url(HubTestModel model, string reference) => new($"{model.Path}/versions/{reference}/files/data/file.bin", UriKind.Relative);
}
