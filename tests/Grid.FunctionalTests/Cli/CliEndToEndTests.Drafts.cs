using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary><c>grid version drafts|delete-draft|remove-file</c>, and what <c>grid push</c> says about drafts it leaves alone.</summary>
public sealed partial class CliEndToEndTests
{
    [Fact]
    public async Task VersionDraftsDeleteDraftAndRemoveFile_FromTheCommandLine()
    {
        var (cli, owner) = await PublisherAsync();
        var id = new ModelId(owner, "drafts");
        var folder = NewModelFolder(("w.bin", 1000));
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/drafts", "--create")).ExitCode);
        var client = GridClient.Create(silo.Silo.Url, cli.Token);
        var stray = await client.CreateDraftAsync(id, new CreateDraftRequest([new ManifestFile("other.bin", 5, new string('a', 64))]), TestContext.Current.CancellationToken);
        var bytes = RandomNumberGenerator.GetBytes(10);
        var wrong = await client.CreateDraftAsync(id, new CreateDraftRequest([new ManifestFile("w.bin", 10, new string('b', 64))]), TestContext.Current.CancellationToken);

        var drafts = await cli.RunAsync("version", "drafts", $"{owner}/drafts", "--json");
        var table = await cli.RunAsync("version", "drafts", $"{owner}/drafts");
        var old = await cli.RunAsync("version", "drafts", $"{owner}/drafts", "--older-than", "7d", "--json");
        var badAge = await cli.RunAsync("version", "drafts", $"{owner}/drafts", "--older-than", "soon");
        var removed = await cli.RunAsync("version", "remove-file", $"{owner}/drafts@{wrong.Number}", "w.bin");
        await client.UploadFileAsync(id, wrong.Number, "w.bin", new MemoryStream(bytes), 10, Convert.ToHexStringLower(SHA256.HashData(bytes)), cancellationToken: TestContext.Current.CancellationToken);
        var deleted = await cli.RunAsync("version", "delete-draft", $"{owner}/drafts@{stray.Number}");
        var refused = await cli.RunAsync("version", "delete-draft", $"{owner}/drafts@1");
        var versions = await cli.RunAsync("version", "list", $"{owner}/drafts", "--json");

        Assert.Equal([wrong.Number, stray.Number], drafts.Json.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("2 draft(s)", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, old.Json.GetArrayLength());
        Assert.Equal(2, badAge.ExitCode);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal($"removed w.bin from the draft {owner}/drafts@{wrong.Number}", removed.Stdout.Trim());
        Assert.Equal($"deleted the draft {owner}/drafts@{stray.Number}", deleted.Stdout.Trim());
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("withdraw", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal([(wrong.Number, "draft"), (1, "published")], versions.Json.EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("status").GetString())));
        Assert.True((await client.GetVersionAsync(id, wrong.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken)).Files.Single().Present);
    }

    [Fact]
    public async Task Push_NamesTheCommandThatRemovesADraftItLeavesAlone()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("w.bin", 1000));
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/leftover", "--create")).ExitCode);
        var client = GridClient.Create(silo.Silo.Url, cli.Token);
        var stray = await client.CreateDraftAsync(new ModelId(owner, "leftover"), new CreateDraftRequest([new ManifestFile("w.bin", 5, new string('c', 64))]), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, "w.bin"), RandomNumberGenerator.GetBytes(1000), TestContext.Current.CancellationToken);

        var push = await cli.RunAsync("push", folder, $"{owner}/leftover");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains($"grid version delete-draft {owner}/leftover@{stray.Number}", push.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"published {owner}/leftover@{stray.Number + 1} ", push.Stdout, StringComparison.Ordinal);
    }
}
