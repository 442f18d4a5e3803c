using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>The embedded store survives a stop, a crash and a second start on the same data folder (DESIGN.md §9.7).</summary>
public sealed class RestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StopAndKill_ThenRestart_KeepModelsVersionsAliasesCardsAndTokens()
    {
        var data = TestPaths.NewTempFolder("restart");
        var bytes = RandomNumberGenerator.GetBytes(250_000);
        var file = new Hub.ManifestFile("w.bin", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        string token;
        string revision;
        await using (var first = await SiloProcess.StartAsync(data))
        {
            var admin = GridClient.Create(first.Url, (await File.ReadAllTextAsync(Path.Combine(data, "admin-token"), Ct)).Trim());
            token = (await admin.CreateTokenAsync(new CreateTokenRequest("keeper", ["read", "publish"]), Ct)).Token;
            var client = GridClient.Create(first.Url, token);
            await client.CreateModelAsync(new CreateModelRequest("keeper", "model", "kept"), Ct);
            var draft = await client.CreateDraftAsync(new ModelId("keeper", "model"), new CreateDraftRequest([file], "---\nlicense: MIT\n---\n# kept\n"), Ct);
            await client.UploadFileAsync(new ModelId("keeper", "model"), draft.Number, "w.bin", new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: Ct);
            revision = (await client.PublishAsync(new ModelId("keeper", "model"), draft.Number, Ct)).RevisionId!;
            await client.SetAliasAsync(new ModelId("keeper", "model"), "stable", 1, Ct);
            await first.StopAsync();
        }

        await using (var second = await SiloProcess.StartAsync(data))
        {
            await AssertKeptAsync(second, token, revision, bytes);
            await second.KillAsync();
        }

        await using var third = await SiloProcess.StartAsync(data);
        await AssertKeptAsync(third, token, revision, bytes);
        Assert.Equal(1, (await GridClient.Create(third.Url, null).GetModelAsync(new ModelId("demo", "mnist"), Ct)).VersionCount);
        Assert.Contains("is up to date", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSiloOnTheSameDataFolder_StopsWithOneLineAndExitStatus2()
    {
        var data = TestPaths.NewTempFolder("locked");
        await using var first = await SiloProcess.StartAsync(data);

        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync(data, [], TimeSpan.FromMinutes(2));

        Assert.Equal(2, exitCode);
        Assert.Equal(
            $"error: the data folder '{Path.GetFullPath(data)}' is in use by another ModelGrid silo; stop it or set Grid__Storage__Path to another folder",
            stderr.Trim());
        Assert.DoesNotContain(" at ", stdout, StringComparison.Ordinal);
        await first.WaitHealthyAsync(TimeSpan.FromSeconds(5));
    }

    private static async Task AssertKeptAsync(SiloProcess silo, string token, string revision, byte[] bytes)
    {
        var client = GridClient.Create(silo.Url, token);
        var id = new ModelId("keeper", "model");
        Assert.Equal("kept", (await client.GetModelAsync(id, Ct)).Description);
        Assert.Equal(revision, (await client.GetVersionAsync(id, "stable", Ct)).RevisionId);
        Assert.Equal("---\nlicense: MIT\n---\n# kept\n", await client.GetCardAsync(id, "latest", cancellationToken: Ct));
        using var download = await client.DownloadAsync(id, revision, "w.bin", cancellationToken: Ct);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, Ct);
        Assert.Equal(bytes, copy.ToArray());
    }
}
