using System.Diagnostics;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.ClusterTests.Cluster;
using ModelGrid.Evaluations;
using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Scenarios;

/// <summary>
/// One API silo and two worker silos; a hundred jobs (two slow, the rest quick); one worker killed with SIGKILL while it
/// runs a slow job. Every job succeeds exactly once, its result recorded once on the card of the version it was submitted for,
/// the killed worker's job finishing on the other worker within the lease plus <see cref="ClusterSettings.RecoveryBound"/>
/// (an expired lease goes back to the queue behind the jobs still waiting, so most of that is their run time), and the
/// API's clients (which retry nothing) never see an error.
/// </summary>
public sealed class WorkerKillTests(AzuriteFixture azurite)
{
    private const int Models = 5;
    private const int JobsPerModel = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HundredJobs_WorkerKilledMidJob_EachRecordedOnceOnItsCard()
    {
        await using var cluster = await GridCluster.StartAsync(azurite.ConnectionString, apis: 1, workers: 2);
        var admin = cluster.Admin();
        var models = Enumerable.Range(0, Models).Select(i => new ModelId("cluster", $"kill-{i}")).ToList();
        foreach (var model in models)
        {
            await GridCluster.PublishMnistAsync(admin, model, Ct);
        }

        // The quick jobs, then two slow ones: while one worker runs a slow job the other takes the second, so the kill
        // lands in the middle of a job. force: every submission is a job of its own, not the same deduplicated one.
        var submissions = models.SelectMany((m, index) => Enumerable.Repeat((Model: m, Suite: QuickSuite.Id), index < 2 ? JobsPerModel - 1 : JobsPerModel))
            .Concat(models.Take(2).Select(m => (Model: m, Suite: QuickSuite.SlowId)));
        var jobs = new Dictionary<Guid, ModelId>();
        foreach (var (model, suite) in submissions)
        {
            var view = await admin.SubmitEvaluationAsync(new SubmitEvaluationRequest(model.ToString(), suite, "1", true), Ct);
            jobs.Add(view.Job.Id, model);
        }

        var clock = Stopwatch.StartNew();
        var errors = new List<string>();
        // Whichever worker runs a slow job first is killed: which one leases it is the queue's choice, not the test's.
        var runner = await SlowJobRunnerAsync(admin, models, errors);
        var victim = cluster.Workers.Single(w => w.Name == runner);
        var survivor = cluster.Workers.Single(w => w != victim).Name;
        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;

        // The jobs the dead worker held: their leases stand until they expire.
        var victims = new List<JobSnapshot>();
        foreach (var model in models)
        {
            victims.AddRange((await ListAsync(admin, model, JobStatus.Leased, errors))?.Items.Where(j => j.Worker == victim.Name) ?? []);
        }

        Assert.True(victims.Count > 0, $"{victim.Name} held no lease when it was killed");

        var final = await WaitAllFinalAsync(admin, models, jobs.Count, errors, TimeSpan.FromMinutes(4));
        var tookAll = clock.Elapsed;

        // A result whose recording met the dead silo is recorded by the job's follow-up reminder (every 10 s here).
        var (recordedAll, cardsAfter) = await CardJobs.WaitAsync(admin, models, jobs, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(500), Ct);
        var recorded = new Dictionary<ModelId, List<Guid>>();
        var evaluationRevisions = new Dictionary<ModelId, int>();
        foreach (var model in models)
        {
            recorded[model] = CardJobs.Named(await admin.GetCardAsync(model, "1", cancellationToken: Ct));
            evaluationRevisions[model] = (await admin.ListCardsAsync(model, "1", Ct)).Count(c => c.Source == "evaluation");
        }

        var doubled = recorded.Values.Sum(ids => ids.Count - ids.Distinct().Count());
        var misplaced = recorded.Sum(r => r.Value.Count(id => !jobs.TryGetValue(id, out var owner) || owner != r.Key));
        var missing = jobs.Count(j => !recorded[j.Value].Contains(j.Key));

        var moved = victims.Select(v => final.GetValueOrDefault(v.Id) ?? v).ToList();
        var recovery = moved.Max(j => j.CompletedAt ?? DateTimeOffset.MaxValue) - killedAt;
        Outcome.Report(
            "worker SIGKILL",
            ("jobs", jobs.Count),
            ("succeeded", final.Values.Count(j => j.Status == JobStatus.Succeeded)),
            ("lost", jobs.Keys.Count(id => !final.ContainsKey(id) || final[id].Status != JobStatus.Succeeded)),
            ("doubled", doubled),
            ("on another card", misplaced),
            ("missing from its card", missing),
            ("cards complete after the last job", recordedAll ? $"{cardsAfter.TotalSeconds:F1} s" : "never"),
            ("jobs held by the dead worker", victims.Count),
            ("their attempts", string.Join("/", moved.Select(j => j.Attempt))),
            ("finished by", string.Join("/", moved.Select(j => j.Worker))),
            ("kill to their new lease", $"{(moved.Max(j => j.StartedAt ?? DateTimeOffset.MaxValue) - killedAt).TotalSeconds:F1} s"),
            ("kill to their success", $"{recovery.TotalSeconds:F1} s"),
            ("all 100 done after", $"{tookAll.TotalSeconds:F1} s"),
            ("client errors", errors.Count));

        Assert.Empty(errors);
        Assert.Equal(jobs.Count, final.Count);
        Assert.All(final.Values, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.Equal(0, doubled);
        Assert.Equal(0, misplaced);
        Assert.Equal(0, missing);
        Assert.All(models, m => Assert.Equal(JobsPerModel, evaluationRevisions[m]));
        Assert.All(moved, j => Assert.Equal(survivor, j.Worker));
        Assert.All(moved, j => Assert.True(j.Attempt >= 2, $"the killed worker's job {j.Id} finished in attempt {j.Attempt}"));
        Assert.InRange(recovery, TimeSpan.Zero, TimeSpan.FromSeconds(ClusterSettings.LeaseSeconds) + ClusterSettings.RecoveryBound);
    }

    /// <summary>Waits until a worker runs a slow job; that worker's name.</summary>
    private static async Task<string> SlowJobRunnerAsync(GridClient client, IReadOnlyList<ModelId> models, List<string> errors)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(4))
        {
            foreach (var model in models)
            {
                var leased = await ListAsync(client, model, JobStatus.Leased, errors);
                // A slow job runs for about 15 s: the worker is in the middle of it.
                var slow = leased?.Items.FirstOrDefault(j => j.Worker is not null && j.Spec.SuiteId.StartsWith(QuickSuite.SlowId, StringComparison.Ordinal));
                if (slow is not null)
                {
                    return slow.Worker!;
                }
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("no worker ran a slow job within four minutes");
    }

    private static async Task<Dictionary<Guid, JobSnapshot>> WaitAllFinalAsync(GridClient client, IReadOnlyList<ModelId> models, int count, List<string> errors, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var final = new Dictionary<Guid, JobSnapshot>();
        while (clock.Elapsed < timeout)
        {
            foreach (var model in models)
            {
                foreach (var job in (await ListAsync(client, model, null, errors))?.Items ?? [])
                {
                    if (job.IsFinal)
                    {
                        final[job.Id] = job;
                    }
                }
            }

            if (final.Count == count)
            {
                return final;
            }

            await Task.Delay(250, Ct);
        }

        return final;
    }

    /// <summary>Lists a model's jobs; an error answer or a failed connection is recorded, not thrown: the test counts them.</summary>
    private static async Task<EvaluationList?> ListAsync(GridClient client, ModelId model, JobStatus? status, List<string> errors)
    {
        try
        {
            return await client.ListEvaluationsAsync(model, status: status, cancellationToken: Ct);
        }
        catch (Exception e) when (e is GridApiException or HttpRequestException)
        {
            errors.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {e.Message}");
            return null;
        }
    }
}
