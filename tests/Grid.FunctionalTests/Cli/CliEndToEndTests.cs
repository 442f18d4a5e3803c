using System.Security.Cryptography;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>The real silo process driven by the real <c>grid</c> CLI: login, tokens, push, pull, byte-compare.</summary>
public sealed partial class CliEndToEndTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    [Fact]
    public async Task PushThenPull_RoundTripsEveryByteAndTheCard()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("weights/model.bin", 3 << 20), ("config.json", 300), ("tokenizer/vocab.txt", 10_000));
        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), "---\nlicense: MIT\n---\n# My model\n", TestContext.Current.CancellationToken);

        var push = await cli.RunAsync("push", folder, $"{owner}/my-model", "--create", "--license", "MIT", "--chunk-threshold", "1048576", "--json");
        var output = TestPaths.NewTempFolder("pulled");
        var pull = await cli.RunAsync("pull", $"{owner}/my-model", output, "--json");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Equal("published", push.Json.GetProperty("status").GetString());
        Assert.Equal(1, push.Json.GetProperty("version").GetInt32());
        Assert.Equal((3 << 20) + 300 + 10_000, push.Json.GetProperty("bytesUploaded").GetInt64());
        Assert.True(pull.ExitCode == 0, pull.ToString());
        foreach (var path in new[] { "weights/model.bin", "config.json", "tokenizer/vocab.txt", "README.md" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, path), TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(output, path), TestContext.Current.CancellationToken));
        }

        Assert.Empty(Directory.EnumerateFiles(output, "*.grid-partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PushAgain_IsUpToDate_AndAForcedPushUploadsNoContent()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("a.bin", 200_000), ("b.bin", 2_000));
        var first = await cli.RunAsync("push", folder, $"{owner}/dedup", "--create", "--json");

        var again = await cli.RunAsync("push", folder, $"{owner}/dedup");
        var forced = await cli.RunAsync("push", folder, $"{owner}/dedup", "--force", "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith($"up to date: {owner}/dedup@1", again.Stdout, StringComparison.Ordinal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(2, forced.Json.GetProperty("version").GetInt32());
        Assert.Equal(0, forced.Json.GetProperty("bytesUploaded").GetInt64());
        Assert.Equal(2, forced.Json.GetProperty("filesSkipped").GetInt32());
        Assert.Equal(first.Json.GetProperty("revisionId").GetString(), forced.Json.GetProperty("revisionId").GetString());
    }

    [Fact]
    public async Task PullDemo_WritesTheDigestTheArtifactListGives()
    {
        var cli = new GridCliRunner(silo.Silo.Url);
        var output = TestPaths.NewTempFolder("demo");

        var pull = await cli.RunAsync("pull", "demo/mnist", output);

        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Contains("pulled demo/mnist@1", pull.Stdout, StringComparison.Ordinal);
        Assert.Equal("2f06e72de813a8635c9bc0397ac447a601bdbfa7df4bebc278723b958831c9bf", Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(output, "mnist.onnx"), TestContext.Current.CancellationToken))));
    }

    [Fact]
    public async Task Pull_ContinuesAPartialDownloadWithRange()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("big.bin", 1_500_000));
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/resume", "--create")).ExitCode);
        var output = TestPaths.NewTempFolder("partial");
        var original = await File.ReadAllBytesAsync(Path.Combine(folder, "big.bin"), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(output, "big.bin.grid-partial"), original[..600_000], TestContext.Current.CancellationToken);

        var pull = await cli.RunAsync("pull", $"{owner}/resume", output, "--json");

        Assert.True(pull.ExitCode == 0, pull.ToString());
        var file = pull.Json.GetProperty("files")[0];
        Assert.Equal("resumed", file.GetProperty("outcome").GetString());
        Assert.Equal(600_000, file.GetProperty("resumedFrom").GetInt64());
        Assert.Equal(900_000, file.GetProperty("bytesDownloaded").GetInt64());
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(output, "big.bin"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Pull_APartialFileThatIsNotAPrefix_IsDownloadedAgainAndVerified()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("big.bin", 400_000));
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/corrupt", "--create")).ExitCode);
        var output = TestPaths.NewTempFolder("corrupt");
        await File.WriteAllBytesAsync(Path.Combine(output, "big.bin.grid-partial"), RandomNumberGenerator.GetBytes(100_000), TestContext.Current.CancellationToken);

        var pull = await cli.RunAsync("pull", $"{owner}/corrupt", output, "--json");

        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Equal("downloaded", pull.Json.GetProperty("files")[0].GetProperty("outcome").GetString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "big.bin"), TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(output, "big.bin"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AliasesCardsVersionsAndModels_FromTheCommandLine()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("w.bin", 1000));
        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), "---\nlicense: MIT\n---\n# Card one\n", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/tour", "--create", "--description", "a tour")).ExitCode);
        await File.WriteAllBytesAsync(Path.Combine(folder, "w.bin"), RandomNumberGenerator.GetBytes(1000), TestContext.Current.CancellationToken);
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/tour")).ExitCode);

        var set = await cli.RunAsync("alias", "set", $"{owner}/tour", "stable", "1");
        var aliases = await cli.RunAsync("alias", "list", $"{owner}/tour", "--history", "--json");
        var card = await cli.RunAsync("card", "show", $"{owner}/tour@stable");
        var history = await cli.RunAsync("card", "history", $"{owner}/tour@1", "--json");
        var withdraw = await cli.RunAsync("version", "withdraw", $"{owner}/tour@2", "--reason", "broken weights");
        var gone = await cli.RunAsync("pull", $"{owner}/tour@2", TestPaths.NewTempFolder("gone"));
        var latest = await cli.RunAsync("version", "show", $"{owner}/tour", "--json");
        var models = await cli.RunAsync("model", "list", "--owner", owner, "--json");

        Assert.Equal($"{owner}/tour@stable -> {owner}/tour@1", set.Stdout.Trim());
        Assert.Equal(["latest", "main", "stable"], aliases.Json.GetProperty("aliases").EnumerateArray().Select(a => a.GetProperty("alias").GetString()));
        Assert.Equal(3, aliases.Json.GetProperty("history").GetArrayLength());
        Assert.Equal("---\nlicense: MIT\n---\n# Card one\n", card.Stdout);
        Assert.Equal(1, history.Json[0].GetProperty("revision").GetInt32());
        Assert.Equal(0, withdraw.ExitCode);
        Assert.Equal(3, gone.ExitCode);
        Assert.Contains("broken weights", gone.Stderr, StringComparison.Ordinal);
        Assert.Single(gone.Stderr.Trim().Split('\n'));
        Assert.Equal(1, latest.Json.GetProperty("number").GetInt32());
        Assert.Equal(["tour"], models.Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!.Split('/')[1]));
    }

    [Fact]
    public async Task Errors_AreOneLineWithDocumentedExitCodes()
    {
        var anonymous = new GridCliRunner(silo.Silo.Url);
        var folder = NewModelFolder(("w.bin", 10));

        var missing = await anonymous.RunAsync("pull", "nobody/nothing", TestPaths.NewTempFolder("x"));
        var unauthenticated = await anonymous.RunAsync("push", folder, "nobody/nothing", "--create");
        var badToken = await new GridCliRunner(silo.Silo.Url, "mgt_0000000000000000_wrong").RunAsync("model", "list");

        Assert.Equal(3, missing.ExitCode);
        Assert.Equal("error: Model not found: there is no model nobody/nothing", missing.Stderr.Trim());
        Assert.Equal(4, unauthenticated.ExitCode);
        Assert.Single(unauthenticated.Stderr.Trim().Split('\n'));
        Assert.Equal(4, badToken.ExitCode);
        Assert.StartsWith("error: Invalid token:", badToken.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_CreateListRevoke()
    {
        var admin = await AdminAsync();
        var create = await admin.RunAsync("token", "create", "--owner", "carol", "--scopes", "read", "--description", "reader", "--json");
        var id = create.Json.GetProperty("info").GetProperty("id").GetString()!;
        var carol = new GridCliRunner(silo.Silo.Url, create.Json.GetProperty("token").GetString());

        var list = await carol.RunAsync("token", "list", "--json");
        var revoke = await admin.RunAsync("token", "revoke", id);
        var after = await carol.RunAsync("token", "list");

        Assert.Equal([id], list.Json.EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal($"revoked token {id} of carol", revoke.Stdout.Trim());
        Assert.Equal(4, after.ExitCode);
    }

    private async Task<GridCliRunner> AdminAsync()
    {
        var admin = new GridCliRunner(silo.Silo.Url);
        var login = await admin.RunAsync("login", "--token-file", silo.AdminTokenFile);
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("logged in", login.Stdout, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(admin.ConfigHome, "modelgrid", "config.json")));
        }

        return admin;
    }

    private async Task<(GridCliRunner Cli, string Owner)> PublisherAsync()
    {
        var admin = await AdminAsync();
        var owner = $"u{Guid.NewGuid():N}"[..12];
        var token = await admin.RunAsync("token", "create", "--owner", owner, "--scopes", "read,publish");
        Assert.True(token.ExitCode == 0, token.ToString());
        return (new GridCliRunner(silo.Silo.Url, token.Stdout.Trim()), owner);
    }

    private static string NewModelFolder(params (string Path, int Size)[] files)
    {
        var folder = TestPaths.NewTempFolder("model");
        foreach (var (path, size) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, RandomNumberGenerator.GetBytes(size));
        }

        return folder;
    }
}
