using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>The same silo with <c>Grid__Storage__Provider=azure</c> and Azure Table clustering, on a real Azurite.</summary>
public sealed class AzureSiloTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AzureStorage_ServesTheDemoModelByteIdentical_AndKeepsUploadsAcrossARestart()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Grid__Storage__Provider"] = "azure",
            ["Grid__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Grid__Cluster__Provider"] = "azure",
            ["Grid__Cluster__ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Grid__Auth__AdminToken"] = "azure-silo-admin-token-0123456789",
            ["Grid__Uploads__ChunkBytes"] = (256 << 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var data = TestPaths.NewTempFolder("azure-silo");
        var bytes = RandomNumberGenerator.GetBytes((1 << 20) + 777);
        var file = new ManifestFile("weights.bin", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var expected = await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), Ct);

        await using (var silo = await SiloProcess.StartAsync(data, environment))
        {
            Assert.Equal(expected, await DownloadAsync(GridClient.Create(silo.Url, null), new ModelId("demo", "mnist"), "latest", "mnist.onnx"));

            var admin = GridClient.Create(silo.Url, "azure-silo-admin-token-0123456789");
            await admin.CreateModelAsync(new CreateModelRequest("cloud", "model"), Ct);
            var draft = await admin.CreateDraftAsync(new ModelId("cloud", "model"), new CreateDraftRequest([file]), Ct);
            var session = await admin.StartUploadAsync(new ModelId("cloud", "model"), draft.Number, new StartUploadRequest(file.Path, file.Size, file.Sha256), Ct);
            for (long offset = 0; !session.Complete; offset = session.Offset)
            {
                var length = (int)Math.Min(session.ChunkBytes, bytes.Length - offset);
                session = await admin.AppendChunkAsync(session, offset, new MemoryStream(bytes, (int)offset, length), length, cancellationToken: Ct);
            }

            await admin.PublishAsync(new ModelId("cloud", "model"), draft.Number, Ct);
            await silo.StopAsync();
        }

        Assert.False(Directory.Exists(Path.Combine(data, "blobs")));
        await using var restarted = await SiloProcess.StartAsync(data, environment);
        var anonymous = GridClient.Create(restarted.Url, null);
        Assert.Equal(bytes, await DownloadAsync(anonymous, new ModelId("cloud", "model"), "1", "weights.bin"));
        Assert.Equal(1, (await anonymous.GetModelAsync(new ModelId("demo", "mnist"), Ct)).VersionCount);
        Assert.Equal(expected, await DownloadAsync(anonymous, new ModelId("demo", "mnist"), "1", "mnist.onnx"));
    }

    private static async Task<byte[]> DownloadAsync(GridClient client, ModelId id, string reference, string path)
    {
        using var download = await client.DownloadAsync(id, reference, path, cancellationToken: Ct);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }
}
