using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Client.Transfer;
using ModelGrid.ClusterTests.Cluster;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Scenarios;

/// <summary>
/// One API silo and two worker silos on an Azurite that keeps its data on disk; twenty pushes mid-upload and twenty
/// evaluation jobs queued or running when Azurite is stopped for <see cref="Outage"/>, then started again on the same
/// ports. While it is down every answer of the API is a success or a 4xx or 503 with <c>Retry-After</c> as
/// ProblemDetails, never another 5xx; the workers wait it out. Once it is back every push ends as a complete
/// published version with the bytes sent, every job succeeds with exactly one result on its own card, within
/// <see cref="RecoveryBound"/>, and a watcher never sees a published version with a file missing.
/// </summary>
public sealed partial class StorageOutageTests
{
    private const int Uploads = 20;
    private const int FileBytes = 2 << 20;
    private const int EvaluationModels = 4;
    private const int JobsPerModel = 5;

    // A worker's retries while storage is away: pauses from 0.2 s growing to 2 s (this cluster's maximum) make about
    // twenty in 30 s for each call that waits, and a worker has a few such calls at most (its lease loop and a job's
    // result). A worker retrying without pausing would log hundreds.
    private const int MaxRetriesLogged = 150;

    /// <summary>How long storage is away.</summary>
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    /// <summary>
    /// From storage back to every push published, every job succeeded and every card showing its results: the
    /// clients' next try (their pauses grow to 5 s), the workers' (to 2 s here), leases of jobs cut short by the
    /// outage expiring (5 s) and swept, the twenty quick jobs' runs on two workers, and the follow-up reminder that
    /// records a result whose recording met the outage (every 10 s), with room for a loaded machine.
    /// </summary>
    public static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(120);

    // Long enough for the outage, the time the API takes to give up on a request (its own retries) and recovery.
    private static readonly TransientRetryPolicy Patient = TransientRetryPolicy.Default with { Budget = TimeSpan.FromMinutes(4) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StorageStoppedMidUploadsAndJobs_Answers503ThenEverythingCompletes()
    {
        // Twenty transfers paced by sleeping threads besides the clients' own work: with the pool's usual start the
        // threads would come one by one and the clients would lag behind the outage they watch.
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.SetMinThreads(Math.Max(minWorkers, 64), minIo);

        await using var storage = await AzuriteServer.StartOnDiskAsync();
        await using var cluster = await GridCluster.StartAsync(storage.ConnectionString, apis: 1, workers: 2, new Dictionary<string, string?>
        {
            ["Grid__Uploads__ChunkBytes"] = (256 << 10).ToString(CultureInfo.InvariantCulture),
            ["Grid__Worker__Backoff__MaxDelay"] = "00:00:02",
        });
        var admin = cluster.Admin();
        var evaluated = Enumerable.Range(0, EvaluationModels).Select(i => new ModelId("outage", $"eval-{i}")).ToList();
        var probed = new ModelId("outage", "probe");
        foreach (var model in evaluated.Append(probed))
        {
            await GridCluster.PublishMnistAsync(admin, model, Ct);
        }

        var log = new ResponseLog();
        var jobs = new Dictionary<Guid, ModelId>();
        var submitting = Client(cluster, log, Patient);
        foreach (var model in evaluated)
        {
            for (var i = 0; i < JobsPerModel; i++)
            {
                var view = await submitting.SubmitEvaluationAsync(new SubmitEvaluationRequest(model.ToString(), QuickSuite.Id, "1", true), Ct);
                jobs.Add(view.Job.Id, model);
            }
        }

        var uploads = Enumerable.Range(0, Uploads).Select(i => Upload.Create(new ModelId("outage", $"upload-{i}"))).ToList();
        var pacing = new PacedProgress((long)Uploads * FileBytes, 0.25, 512 << 10);
        var pushes = uploads.Select(u => Task.Run(
            () => new Pusher(Client(cluster, log, Patient), pacing).PushAsync(u.Folder, u.Model, new PushOptions(ChunkThreshold: 1 << 20, CreateWith: new CreateModelRequest(u.Model.Owner, u.Model.Name, License: "MIT")), Ct),
            Ct)).ToList();

        using var stop = new CancellationTokenSource();
        var outage = new OutageFlag();
        var tracker = new JobTracker(Client(cluster, log, Patient), jobs.Keys, log);
        var tracking = tracker.RunAsync(stop.Token);
        var watching = WatchAsync(Client(cluster, log, TransientRetryPolicy.None), uploads, stop.Token);
        var probing = ProbeAsync(Client(cluster, log, TransientRetryPolicy.None), probed, evaluated[0], outage, stop.Token);

        await pacing.Reached.WaitAsync(TimeSpan.FromMinutes(2), Ct);
        var pushesDoneAtStop = pushes.Count(p => p.IsCompleted);
        var jobsFinalAtStop = tracker.FinalCount;
        outage.Down = true;
        await storage.StopAsync();
        var stoppedAt = log.Now;

        // The outage is what is tested: its length is the scenario's, not a wait for something to happen.
        await Task.Delay(Outage, Ct);
        await storage.RestartAsync();
        var backAt = log.Now;
        outage.Down = false;

        var pushed = await Task.WhenAll(pushes).WaitAsync(RecoveryBound * 2, Ct);
        var uploadsDone = log.Now;
        await tracker.AllFinal.WaitAsync(RecoveryBound * 2, Ct);
        var jobsDone = log.Now;
        var cardsComplete = (await CardJobs.WaitAsync(admin, evaluated, jobs, RecoveryBound * 2, TimeSpan.FromMilliseconds(250), Ct)).Complete;
        var allDone = log.Now;
        await stop.CancelAsync();
        await tracking;
        var (checks, halfPublished) = await watching;
        var probes = await probing;

        var recorded = new Dictionary<ModelId, List<Guid>>();
        var evaluationRevisions = new Dictionary<ModelId, int>();
        foreach (var model in evaluated)
        {
            recorded[model] = CardJobs.Named(await admin.GetCardAsync(model, "1", cancellationToken: Ct));
            evaluationRevisions[model] = (await admin.ListCardsAsync(model, "1", Ct)).Count(c => c.Source == "evaluation");
        }

        var final = tracker.Final;
        var doubled = recorded.Values.Sum(ids => ids.Count - ids.Distinct().Count());
        var misplaced = recorded.Sum(r => r.Value.Count(id => !jobs.TryGetValue(id, out var owner) || owner != r.Key));
        var missing = jobs.Count(j => !recorded[j.Value].Contains(j.Key));
        var served = new List<bool>();
        foreach (var upload in uploads)
        {
            served.Add(await ServedIntactAsync(admin, upload));
        }

        // Each retry of a worker's call is one warning line: a worker that waited storage out logged a few, one that
        // spun on it would have logged hundreds, and one that crashed is not running.
        var retries = cluster.Workers.Select(w => BackoffLine().Count(w.Output)).ToList();
        var workersRunning = cluster.Workers.Count(w => w.IsRunning);

        var seen = log.All;
        var during = seen.Where(s => s.At >= stoppedAt && s.At <= backAt).ToList();
        var unavailable = seen.Where(s => s.Status == 503).ToList();
        var otherServerErrors = seen.Where(s => s.Status >= 500 && s.Status != 503).ToList();
        var failedConnections = seen.Where(s => s.Status == 0).ToList();
        Outcome.Report(
            "storage stopped for 30 s",
            ("uploads done at the stop", $"{pushesDoneAtStop} of {Uploads}"),
            ("jobs final at the stop", $"{jobsFinalAtStop} of {jobs.Count}"),
            ("answers", seen.Count),
            ("answers while down", during.Count),
            ("by status", string.Join(" ", seen.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))),
            ("while down by request", string.Join(" ", during.GroupBy(s => $"{s.Method} {Shape(s.Path)} {s.Status}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))),
            ("503", unavailable.Count),
            ("503 with Retry-After", unavailable.Count(s => s.RetryAfter)),
            ("503 by request", string.Join(" ", unavailable.GroupBy(s => $"{s.Method} {Shape(s.Path)}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))),
            ("other 5xx", otherServerErrors.Count),
            ("failed connections", failedConnections.Count),
            ("probe rounds", probes),
            ("push retry notes", pacing.Notes),
            ("client errors", tracker.Errors.Count),
            ("worker retries logged", string.Join("/", retries)),
            ("back to uploads done", $"{(uploadsDone - backAt).TotalSeconds:F1} s"),
            ("back to jobs final", $"{(jobsDone - backAt).TotalSeconds:F1} s"),
            ("back to all done", $"{(allDone - backAt).TotalSeconds:F1} s"),
            ("job attempts", string.Join(" ", final.Values.GroupBy(j => j.Attempt).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))),
            ("lost", jobs.Keys.Count(id => !final.TryGetValue(id, out var j) || j.Status != JobStatus.Succeeded)),
            ("doubled", doubled),
            ("on another card", misplaced),
            ("missing from its card", missing),
            ("watcher checks", checks),
            ("half-published versions seen", halfPublished));

        Assert.Equal(0, pushesDoneAtStop);
        Assert.True(jobsFinalAtStop < jobs.Count, "every job was done before storage stopped");
        Assert.NotEmpty(during);
        Assert.Empty(otherServerErrors.Select(s => $"{s.Method} {s.Path} {s.Status}"));
        Assert.Empty(failedConnections.Select(s => $"{s.Method} {s.Path}: {s.Failure}"));
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, s => Assert.True(s.RetryAfter && s.ContentType == "application/problem+json", $"{s.Method} {s.Path} 503 without Retry-After or ProblemDetails"));
        Assert.All(pushed, p => Assert.Equal((1, "published"), (p.Version, p.Status)));
        Assert.All(served, Assert.True);
        Assert.Empty(tracker.Errors);
        Assert.Equal(jobs.Count, final.Count);
        Assert.All(final.Values, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.True(cardsComplete, "a result was never recorded on its card");
        Assert.Equal(0, doubled);
        Assert.Equal(0, misplaced);
        Assert.Equal(0, missing);
        Assert.All(evaluated, m => Assert.Equal(JobsPerModel, evaluationRevisions[m]));
        Assert.Equal(0, halfPublished);
        Assert.Equal(cluster.Workers.Count, workersRunning);
        Assert.InRange(retries.Sum(), 1, MaxRetriesLogged * retries.Count);
        Assert.All(retries, n => Assert.InRange(n, 0, MaxRetriesLogged));
        Assert.InRange(allDone - backAt, TimeSpan.Zero, RecoveryBound);
    }

    private static GridClient Client(GridCluster cluster, ResponseLog log, TransientRetryPolicy retry) =>
        GridClient.Create(cluster.Apis[0].Url, GridCluster.AdminToken, retry, log.Handler());

    /// <summary>Whether the upload's version 1 is published with its one file present, declared and served with the bytes pushed.</summary>
    private static async Task<bool> ServedIntactAsync(GridClient client, Upload upload)
    {
        var version = await client.GetVersionAsync(upload.Model, "1", Ct);
        if (version.Status != VersionStatus.Published || version.Files is not [{ Present: true } file] || file.Sha256 != upload.Sha256)
        {
            return false;
        }

        using var download = await client.DownloadAsync(upload.Model, "1", file.Path, cancellationToken: Ct);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(download.Content, Ct)) == upload.Sha256;
    }

    /// <summary>Lists the uploads' versions again and again and counts published versions whose file is missing or not the one pushed.</summary>
    private static async Task<(int Checks, int HalfPublished)> WatchAsync(GridClient client, IReadOnlyList<Upload> uploads, CancellationToken stop)
    {
        var checks = 0;
        var bad = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var upload in uploads)
            {
                try
                {
                    foreach (var summary in (await client.ListVersionsAsync(upload.Model, stop)).Where(v => v.Status == VersionStatus.Published))
                    {
                        var version = await client.GetVersionAsync(upload.Model, summary.Number.ToString(CultureInfo.InvariantCulture), stop);
                        bad += version.Files is [{ Present: true } file] && file.Sha256 == upload.Sha256 ? 0 : 1;
                        checks++;
                    }
                }
                catch (OperationCanceledException)
                {
                    return (checks, bad);
                }
                catch (Exception e) when (e is HttpRequestException or GridApiException)
                {
                    // Not created yet, or storage is down: the log has the answer.
                }
            }

            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (checks, bad);
    }


    [GeneratedRegex(@"\(storage unreachable or a silo leaving\); try \d+ in")]
    private static partial Regex BackoffLine();

    /// <summary>A request path with its names and ids replaced, so the answers group by kind of request.</summary>
    private static string Shape(string path) => Ids().Replace(path, "{}");

    [GeneratedRegex(@"(?<=/models/)[^/]+/[^/]+|(?<=/(evaluations|uploads|versions)/)[^/]+|(?<=/files/).+")]
    private static partial Regex Ids();

    /// <summary>A folder holding one file of random bytes to push to <see cref="Model"/>.</summary>
    private sealed record Upload(ModelId Model, string Folder, string Sha256)
    {
        public static Upload Create(ModelId model)
        {
            var folder = TestPaths.NewTempFolder("outage-push");
            var bytes = RandomNumberGenerator.GetBytes(FileBytes);
            File.WriteAllBytes(Path.Combine(folder, "weights.bin"), bytes);
            return new Upload(model, folder, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }
}
