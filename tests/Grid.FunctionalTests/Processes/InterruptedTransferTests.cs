using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>Uploads that break off: a truncated PUT stores nothing, a broken resumable upload continues where it stopped.</summary>
public sealed class InterruptedTransferTests(SmallChunkSiloFixture silo) : IClassFixture<SmallChunkSiloFixture>
{
    private const int Chunk = SmallChunkSiloFixture.ChunkBytes;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TruncatedUpload_ConnectionDropped_StoresNothingAndTheServerStaysUp()
    {
        var (client, token, id) = await ModelAsync();
        var bytes = RandomNumberGenerator.GetBytes(1_000_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var draft = await client.CreateDraftAsync(id, new CreateDraftRequest([new ManifestFile("w.bin", bytes.Length, sha)]), Ct);

        await RawHttp.SendAndHangUpAsync(silo.Silo.Url,
            $"PUT /api/v1/models/{id}/versions/{draft.Number}/files/w.bin HTTP/1.1\nHost: localhost\nAuthorization: Bearer {token}\nContent-Length: {bytes.Length}\nX-Grid-Sha256: {sha}\n",
            bytes[..300_000]);

        await silo.Silo.WaitHealthyAsync(TimeSpan.FromSeconds(10));
        var version = await client.GetVersionAsync(id, draft.Number.ToString(CultureInfo.InvariantCulture), Ct);
        var publish = await Assert.ThrowsAsync<GridApiException>(() => client.PublishAsync(id, draft.Number, Ct));
        Assert.False(version.Files.Single().Present);
        Assert.Equal(HttpStatusCode.Conflict, publish.Status);
        Assert.False(File.Exists(Path.Combine(silo.DataPath, "blobs", "sha256", sha[..2], sha)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(silo.DataPath, ".pending")));

        var upload = await client.UploadFileAsync(id, draft.Number, "w.bin", new MemoryStream(bytes), bytes.Length, sha, cancellationToken: Ct);
        Assert.Equal("created", upload.Outcome);
    }

    [Fact]
    public async Task ResumableUpload_BrokenMidChunk_KeepsTheReceivedPrefixAndGridPushFinishesIt()
    {
        var (client, token, id) = await ModelAsync();
        var folder = TestPaths.NewTempFolder("resume-push");
        var bytes = RandomNumberGenerator.GetBytes((Chunk * 10) + 12345);
        await File.WriteAllBytesAsync(Path.Combine(folder, "weights.bin"), bytes, Ct);
        var file = new ManifestFile("weights.bin", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        // An earlier push opened the draft and the session, sent three chunks, then broke off inside the fourth.
        var draft = await client.CreateDraftAsync(id, new CreateDraftRequest([file]), Ct);
        var session = await client.StartUploadAsync(id, draft.Number, new StartUploadRequest(file.Path, file.Size, file.Sha256), Ct);
        for (var offset = 0; offset < Chunk * 3; offset += Chunk)
        {
            session = await client.AppendChunkAsync(session, offset, new MemoryStream(bytes, offset, Chunk), Chunk, cancellationToken: Ct);
        }

        // The fourth chunk starts to arrive; once the hub holds part of it, the connection dies.
        using (var connection = await RawHttp.StartAsync(silo.Silo.Url,
            $"PATCH /api/v1/uploads/{session.Id} HTTP/1.1\nHost: localhost\nAuthorization: Bearer {token}\nUpload-Offset: {Chunk * 3}\nContent-Length: {Chunk}\n",
            bytes.AsSpan(Chunk * 3, 100_000).ToArray()))
        {
            await WaitForOffsetAsync(client, session.Id, Chunk * 3);
            connection.Client.Close(0);
        }

        await silo.Silo.WaitHealthyAsync(TimeSpan.FromSeconds(10));
        var held = (await client.GetUploadAsync(session.Id, Ct)).Offset;
        Assert.InRange(held, (Chunk * 3) + 1, (Chunk * 3) + 100_000);
        Assert.Equal(bytes.AsSpan(0, (int)held).ToArray(), (await File.ReadAllBytesAsync(Path.Combine(silo.DataPath, "uploads", session.Id, "data"), Ct))[..(int)held]);

        var push = await new GridCliRunner(silo.Silo.Url, token).RunAsync("push", folder, id.ToString(), "--chunk-threshold", "1048576", "--json");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Equal(draft.Number, push.Json.GetProperty("version").GetInt32());
        Assert.Equal(held, push.Json.GetProperty("bytesResumed").GetInt64());
        Assert.Equal(bytes.Length - held, push.Json.GetProperty("bytesUploaded").GetInt64());
        using var download = await client.DownloadAsync(id, "latest", "weights.bin", cancellationToken: Ct);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, Ct);
        Assert.Equal(bytes, copy.ToArray());
        Assert.False(Directory.Exists(Path.Combine(silo.DataPath, "uploads", session.Id)));
    }

    [Fact]
    public async Task NulInAFilePath_IsRefusedWithoutStoringAnything()
    {
        var (_, token, id) = await ModelAsync();

        var status = await RawHttp.SendAsync(silo.Silo.Url,
            $"PUT /api/v1/models/{id}/versions/1/files/a%00b HTTP/1.1\nHost: localhost\nAuthorization: Bearer {token}\nContent-Length: 1\nX-Grid-Sha256: {new string('a', 64)}\nConnection: close\n",
            [1]);

        Assert.StartsWith("HTTP/1.1 400", status, StringComparison.Ordinal);
        await silo.Silo.WaitHealthyAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<long> WaitForOffsetAsync(GridClient client, string session, long atLeast)
    {
        for (var i = 0; i < 200; i++)
        {
            var offset = (await client.GetUploadAsync(session, Ct)).Offset;
            if (offset > atLeast)
            {
                return offset;
            }

            await Task.Delay(50, Ct);
        }

        return (await client.GetUploadAsync(session, Ct)).Offset;
    }

    private async Task<(GridClient Client, string Token, ModelId Id)> ModelAsync()
    {
        var admin = GridClient.Create(silo.Silo.Url, (await File.ReadAllTextAsync(silo.AdminTokenFile, Ct)).Trim());
        var owner = $"u{Guid.NewGuid():N}"[..12];
        var token = (await admin.CreateTokenAsync(new CreateTokenRequest(owner, ["read", "publish"]), Ct)).Token;
        var client = GridClient.Create(silo.Silo.Url, token);
        await client.CreateModelAsync(new CreateModelRequest(owner, "model"), Ct);
        return (client, token, new ModelId(owner, "model"));
    }
}
