using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// Ctrl+C (SIGINT) during the long-running transfers of the real CLI, held half-way by a proxy in front of a real silo:
/// exit status 130, one line on stderr, what arrived is kept, and running the same command again finishes the job.
/// </summary>
public sealed class InterruptCliTests(SmallChunkSiloFixture silo) : IClassFixture<SmallChunkSiloFixture>
{
    private const string Interrupted = "interrupted; run the same command again to continue where it stopped\n";
    private const int FileBytes = 24 << 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pull_InterruptedMidFile_Exits130InOneLine_KeepsThePartialFile_AndTheRerunResumes()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = TestPaths.NewTempFolder("interrupt-pull-src");
        var bytes = RandomNumberGenerator.GetBytes(FileBytes);
        await File.WriteAllBytesAsync(Path.Combine(folder, "weights.bin"), bytes, Ct);
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/big", "--create")).ExitCode);
        var output = TestPaths.NewTempFolder("interrupt-pull");
        var partial = Path.Combine(output, "weights.bin.grid-partial");

        CliResult interrupted;
        long kept;
        await using (var proxy = new GatedProxy(silo.Silo.Url, toClient: 2 << 20))
        {
            var slow = new GridCliRunner(proxy.Url, cli.Token);
            await using var pull = slow.Start("pull", $"{owner}/big", output);
            await proxy.Held;
            await WaitUntilAsync(() => File.Exists(partial) && new FileInfo(partial).Length > 0, pull);
            await pull.InterruptAsync();
            interrupted = await pull.WaitAsync(TimeSpan.FromMinutes(1));
            kept = new FileInfo(partial).Length;
        }

        var rerun = await cli.RunAsync("pull", $"{owner}/big", output, "--json");

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        Assert.Equal(Interrupted, interrupted.Stderr);
        Assert.Equal(string.Empty, interrupted.Stdout);
        Assert.InRange(kept, 1, (2 << 20) - 1);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var file = rerun.Json.GetProperty("files")[0];
        Assert.Equal("resumed", file.GetProperty("outcome").GetString());
        Assert.Equal(kept, file.GetProperty("resumedFrom").GetInt64());
        Assert.Equal(FileBytes - kept, file.GetProperty("bytesDownloaded").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(output, "weights.bin"), Ct))));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task Push_InterruptedMidUpload_Exits130InOneLine_AndTheRerunPublishesWhatWasKept()
    {
        var (cli, owner) = await PublisherAsync();
        var model = $"{owner}/pushed";
        Assert.Equal(0, (await cli.RunAsync("model", "create", model)).ExitCode);
        var folder = TestPaths.NewTempFolder("interrupt-push");
        var bytes = RandomNumberGenerator.GetBytes(FileBytes / 4);
        await File.WriteAllBytesAsync(Path.Combine(folder, "weights.bin"), bytes, Ct);

        CliResult interrupted;
        await using (var proxy = new GatedProxy(silo.Silo.Url, toServer: 1 << 20))
        {
            var slow = new GridCliRunner(proxy.Url, cli.Token);
            await using var push = slow.Start("push", folder, model, "--chunk-threshold", "65536");
            await proxy.Held;
            await push.InterruptAsync();
            interrupted = await push.WaitAsync(TimeSpan.FromMinutes(1));
        }

        var rerun = await cli.RunAsync("push", folder, model, "--chunk-threshold", "65536", "--json");

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        Assert.Equal(Interrupted, interrupted.Stderr);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("published", rerun.Json.GetProperty("status").GetString());
        Assert.Equal(1, rerun.Json.GetProperty("version").GetInt32());
        Assert.True(rerun.Json.GetProperty("bytesResumed").GetInt64() > 0, rerun.ToString());
        using var download = await GridClient.Create(silo.Silo.Url, cli.Token).DownloadAsync(new ModelId(owner, "pushed"), "1", "weights.bin", cancellationToken: Ct);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, Ct);
        Assert.Equal(bytes, copy.ToArray());
    }

    /// <summary>Waits for a state the CLI reaches by itself (a file it writes), failing at once if it exits first.</summary>
    private static async Task WaitUntilAsync(Func<bool> reached, CliProcess process)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromMinutes(1));
        while (!reached())
        {
            if (process.HasExited)
            {
                Assert.Fail($"the CLI exited first: {await process.WaitAsync(TimeSpan.FromSeconds(10))}");
            }

            await Task.Delay(20, limit.Token);
        }
    }

    private async Task<(GridCliRunner Cli, string Owner)> PublisherAsync()
    {
        var admin = GridClient.Create(silo.Silo.Url, (await File.ReadAllTextAsync(silo.AdminTokenFile, Ct)).Trim());
        var owner = $"i{Guid.NewGuid():N}"[..12];
        var token = (await admin.CreateTokenAsync(new CreateTokenRequest(owner, ["read", "publish"]), Ct)).Token;
        return (new GridCliRunner(silo.Silo.Url, token), owner);
    }
}
