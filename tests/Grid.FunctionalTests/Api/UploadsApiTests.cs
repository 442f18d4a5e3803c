using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class UploadsApiTests(GridAppFactory app)
{
    private const int Chunk = (int)GridAppFactory.ChunkBytes;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResumableUpload_ChunksThenCompletes_AndTheFileIsPresent()
    {
        var (model, draft, file) = await DraftAsync((Chunk * 3) + 1000);
        var session = await model.Client.StartUploadAsync(model.Id, draft, new StartUploadRequest(file.File.Path, file.File.Size, file.File.Sha256), Ct);

        session = await Send(model.Client, session, file.Bytes, 0, Chunk);
        session = await Send(model.Client, session, file.Bytes, Chunk, Chunk);
        var held = await model.Client.GetUploadAsync(session.Id, Ct);
        session = await Send(model.Client, session, file.Bytes, Chunk * 2, Chunk);
        var done = await Send(model.Client, session, file.Bytes, Chunk * 3, 1000);

        Assert.Equal(Chunk * 2, held.Offset);
        Assert.False(held.Complete);
        Assert.True(done.Complete);
        Assert.True((await model.Client.GetVersionAsync(model.Id, "1", Ct)).Files.Single().Present);
        await Assert.ThrowsAsync<GridApiException>(() => model.Client.GetUploadAsync(session.Id, Ct));
        Assert.Equal(VersionStatus.Published, (await model.Client.PublishAsync(model.Id, draft, Ct)).Status);
    }

    [Fact]
    public async Task Head_ReportsTheOffsetToResumeFrom()
    {
        var (model, draft, file) = await DraftAsync(Chunk * 2);
        var session = await model.Client.StartUploadAsync(model.Id, draft, new StartUploadRequest(file.File.Path, file.File.Size, file.File.Sha256), Ct);
        await Send(model.Client, session, file.Bytes, 0, 1234);

        using var head = await app.Http(model.Token).SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/uploads/{session.Id}"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, head.StatusCode);
        Assert.Equal("1234", head.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal((Chunk * 2).ToString(CultureInfo.InvariantCulture), head.Headers.GetValues("Upload-Length").Single());
    }

    [Fact]
    public async Task Append_AtTheWrongOffset_Is409AndSaysWhereToResume()
    {
        var (model, draft, file) = await DraftAsync(Chunk * 2);
        var session = await model.Client.StartUploadAsync(model.Id, draft, new StartUploadRequest(file.File.Path, file.File.Size, file.File.Sha256), Ct);
        await Send(model.Client, session, file.Bytes, 0, 100);

        var error = await Assert.ThrowsAsync<GridApiException>(() => Send(model.Client, session, file.Bytes, 50, 100));

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal("100", error.UploadOffset);
        Assert.Equal(100, (await model.Client.GetUploadAsync(session.Id, Ct)).Offset);
    }

    [Fact]
    public async Task ResumableUpload_WrongContent_IsDiscardedAt400()
    {
        var (model, draft, file) = await DraftAsync(Chunk + 10);
        var session = await model.Client.StartUploadAsync(model.Id, draft, new StartUploadRequest(file.File.Path, file.File.Size, file.File.Sha256), Ct);
        var wrong = (byte[])file.Bytes.Clone();
        wrong[^1] ^= 0x55;

        await Send(model.Client, session, wrong, 0, Chunk);
        var error = await Assert.ThrowsAsync<GridApiException>(() => Send(model.Client, session, wrong, Chunk, 10));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("nothing was stored", error.Message, StringComparison.Ordinal);
        Assert.False((await model.Client.GetVersionAsync(model.Id, "1", Ct)).Files.Single().Present);
        Assert.False(File.Exists(Path.Combine(app.DataPath, "blobs", "sha256", file.File.Sha256[..2], file.File.Sha256)));
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "uploads", session.Id)));
    }

    [Fact]
    public async Task Append_TooLargeOrPastTheDeclaredSize_IsRefused()
    {
        var (model, draft, file) = await DraftAsync((Chunk * 2) + 10);
        var session = await model.Client.StartUploadAsync(model.Id, draft, new StartUploadRequest(file.File.Path, file.File.Size, file.File.Sha256), Ct);
        var tooBig = new byte[Chunk + 1];

        var large = await Assert.ThrowsAsync<GridApiException>(() => model.Client.AppendChunkAsync(session, 0, new MemoryStream(tooBig), tooBig.Length, cancellationToken: Ct));
        await Send(model.Client, session, file.Bytes, 0, Chunk);
        await Send(model.Client, session, file.Bytes, Chunk, Chunk);
        var past = await Assert.ThrowsAsync<GridApiException>(() => model.Client.AppendChunkAsync(session, Chunk * 2, new MemoryStream(new byte[11]), 11, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.Status);
        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.Equal(Chunk * 2, (await model.Client.GetUploadAsync(session.Id, Ct)).Offset);
    }

    [Fact]
    public async Task Sessions_AreInvisibleToOthersAndNeedAToken()
    {
        var (model, draft, file) = await DraftAsync(1000);
        var session = await model.Client.StartUploadAsync(model.Id, draft, new StartUploadRequest(file.File.Path, file.File.Size, file.File.Sha256), Ct);
        var stranger = app.Client(await app.TokenAsync("stranger", "read", "publish"));

        var anonymous = await Assert.ThrowsAsync<GridApiException>(() => app.Client().GetUploadAsync(session.Id, Ct));
        var other = await Assert.ThrowsAsync<GridApiException>(() => stranger.GetUploadAsync(session.Id, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Single(await model.Client.ListUploadsAsync(model.Id, draft, Ct));
    }

    [Fact]
    public async Task StartUpload_ForAPublishedVersion_Is409()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("a.bin", 10));
        var extra = HubTestModel.RandomFile("b.bin", 10);

        using var response = await app.Http(model.Token).PostAsJsonAsync($"{model.Path}/versions/1/uploads", new StartUploadRequest("b.bin", 10, extra.File.Sha256), ApiJson.Options, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    private async Task<(HubTestModel Model, int Draft, (ManifestFile File, byte[] Bytes) File)> DraftAsync(int size)
    {
        var model = await HubTestModel.CreateAsync(app);
        var file = HubTestModel.RandomFile("big/weights.bin", size);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([file.File]), Ct);
        return (model, draft.Number, file);
    }

    private static Task<UploadSessionInfo> Send(GridClient client, UploadSessionInfo session, byte[] bytes, int offset, int length) =>
        client.AppendChunkAsync(session, offset, new MemoryStream(bytes, offset, length), length, cancellationToken: Ct);
}
