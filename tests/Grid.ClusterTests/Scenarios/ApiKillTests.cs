using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ModelGrid.Client.Http;
using ModelGrid.Client.Transfer;
using ModelGrid.ClusterTests.Cluster;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Scenarios;

/// <summary>
/// The API silo killed with SIGKILL while one client pushes a new version and another pulls an older one, then started
/// again: both clients' retries carry them through, the push resumes its upload session and publishes, the pull
/// resumes its partial file, and a watcher never sees a published version whose files are not all there.
/// </summary>
public sealed class ApiKillTests(AzuriteFixture azurite)
{
    private const int FileBytes = 24 << 20;

    // The clients keep trying for as long as an API silo may take to start again here.
    private static readonly TransientRetryPolicy Patient = TransientRetryPolicy.Default with { Budget = ClusterSettings.SiloStart };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiSiloKilledMidTransfer_PushAndPullResumeAndNothingHalfPublished()
    {
        await using var cluster = await GridCluster.StartAsync(azurite.ConnectionString, apis: 1, workers: 1, new Dictionary<string, string?>
        {
            ["Grid__Uploads__ChunkBytes"] = (256 << 10).ToString(CultureInfo.InvariantCulture),
        });
        var model = new ModelId("cluster", "transfers");
        var first = Folder(out var firstBytes);
        var second = Folder(out var secondBytes);
        var options = new PushOptions(ChunkThreshold: 1 << 20, CreateWith: new Api.CreateModelRequest(model.Owner, model.Name, License: "MIT"));
        Assert.Equal(1, (await new Pusher(cluster.Admin(), SilentProgress.Instance).PushAsync(first, model, options, Ct)).Version);

        var pushing = new PacedProgress(FileBytes, 0.25);
        var pulling = new PacedProgress(FileBytes, 0.25);
        var target = TestPaths.NewTempFolder("cluster-pull");
        var push = Task.Run(() => new Pusher(cluster.Admin(retry: Patient), pushing).PushAsync(second, model, options, Ct), Ct);
        var pull = Task.Run(() => new Puller(cluster.Admin(retry: Patient), pulling).PullAsync(model, "1", target, cancellationToken: Ct), Ct);
        using var stopWatching = new CancellationTokenSource();
        var watch = WatchAsync(cluster.Admin(), model, stopWatching.Token);

        await Task.WhenAll(pushing.Reached, pulling.Reached).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        Assert.False(push.IsCompleted || pull.IsCompleted, "a transfer finished before the API silo was killed");
        await cluster.Apis[0].KillAsync();
        var clock = Stopwatch.StartNew();
        cluster.Apis[0].Start();
        await cluster.Apis[0].WaitHealthyAsync(ClusterSettings.SiloStart);
        var serving = clock.Elapsed;

        var pushed = await push.WaitAsync(ClusterSettings.SiloStart, Ct);
        var pulled = await pull.WaitAsync(ClusterSettings.SiloStart, Ct);
        var done = clock.Elapsed;
        await stopWatching.CancelAsync();
        var (checks, halfPublished) = await watch;
        var versions = await cluster.Admin().ListVersionsAsync(model, Ct);
        Outcome.Report(
            "API silo SIGKILL mid-transfer",
            ("kill to API serving", $"{serving.TotalSeconds:F1} s"),
            ("kill to both transfers done", $"{done.TotalSeconds:F1} s"),
            ("push retry notes", pushing.Notes),
            ("pull retry notes", pulling.Notes),
            ("pull resumed from", pulled.Files.Single().ResumedFrom),
            ("pushed version", pushed.Version ?? 0),
            ("watcher checks", checks),
            ("half-published versions seen", halfPublished),
            ("client errors", 0));

        Assert.Equal(2, pushed.Version);
        Assert.Equal("published", pushed.Status);
        Assert.Equal(firstBytes, await File.ReadAllBytesAsync(Path.Combine(target, "weights.bin"), Ct));
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.All(versions, v => Assert.Equal(VersionStatus.Published, v.Status));
        var file = Assert.Single((await cluster.Admin().GetVersionAsync(model, "2", Ct)).Files);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(secondBytes)), file.Sha256);
        Assert.True(file.Present);
        Assert.Equal(0, halfPublished);
    }

    private static string Folder(out byte[] bytes)
    {
        var folder = TestPaths.NewTempFolder("cluster-push");
        bytes = RandomNumberGenerator.GetBytes(FileBytes);
        File.WriteAllBytes(Path.Combine(folder, "weights.bin"), bytes);
        return folder;
    }

    /// <summary>Lists the versions again and again (answers lost while the API is down are skipped) and counts published versions with a file not there.</summary>
    private static async Task<(int Checks, int HalfPublished)> WatchAsync(GridClient client, ModelId model, CancellationToken stop)
    {
        var checks = 0;
        var bad = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var summary in (await client.ListVersionsAsync(model, stop)).Where(v => v.Status == VersionStatus.Published))
                {
                    var version = await client.GetVersionAsync(model, summary.Number.ToString(CultureInfo.InvariantCulture), stop);
                    bad += version.Files.Count == 1 && version.Files.All(f => f.Present) ? 0 : 1;
                    checks++;
                }

                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or GridApiException)
            {
                // The API is down for the moment.
            }
        }

        return (checks, bad);
    }
}
