using System.Diagnostics;
using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.ClusterTests.Cluster;
using ModelGrid.Evaluations;
using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Scenarios;

/// <summary>
/// Every silo of the cluster stopped, then started again: every model, version, alias, card revision, job and result
/// is intact and served as before, and the restarted workers run new jobs.
/// </summary>
public sealed class FullRestartTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EverySiloRestarted_EverythingIntactAndServed()
    {
        await using var cluster = await GridCluster.StartAsync(azurite.ConnectionString, apis: 1, workers: 2);
        var admin = cluster.Admin();
        var models = new[] { new ModelId("cluster", "restart-a"), new ModelId("cluster", "restart-b") };
        var jobs = new List<Guid>();
        foreach (var model in models)
        {
            await GridCluster.PublishMnistAsync(admin, model, Ct);
            await admin.SetAliasAsync(model, "stable", 1, Ct);
            for (var i = 0; i < 3; i++)
            {
                jobs.Add((await admin.SubmitEvaluationAsync(new SubmitEvaluationRequest(model.ToString(), QuickSuite.Id, "1", true), Ct)).Job.Id);
            }
        }

        var before = await JobWait.FinalAsync(admin, jobs, TimeSpan.FromMinutes(3), Ct);
        Assert.All(before, j => Assert.Equal(JobStatus.Succeeded, j.Job.Status));
        var snapshot = await SnapshotAsync(admin, models, jobs);

        var clock = Stopwatch.StartNew();
        await cluster.StopAllAsync();
        var stopped = clock.Elapsed;
        await cluster.StartAllAsync();
        var restarted = clock.Elapsed;

        var after = await SnapshotAsync(cluster.Admin(), models, jobs);
        var again = (await cluster.Admin().SubmitEvaluationAsync(new SubmitEvaluationRequest(models[0].ToString(), QuickSuite.Id, "1", true), Ct)).Job.Id;
        var ran = Assert.Single(await JobWait.FinalAsync(cluster.Admin(), [again], TimeSpan.FromMinutes(2), Ct));
        var differing = snapshot.Keys.Where(k => !after.TryGetValue(k, out var v) || v != snapshot[k]).ToList();
        Outcome.Report(
            "every silo restarted",
            ("items compared", snapshot.Count),
            ("differing", differing.Count),
            ("stop all", $"{stopped.TotalSeconds:F1} s"),
            ("stop to all serving again", $"{restarted.TotalSeconds:F1} s"),
            ("new job after restart", ran.Job.Status));

        Assert.Empty(differing);
        Assert.Equal(JobStatus.Succeeded, ran.Job.Status);
    }

    /// <summary>Everything the API serves about the models and jobs, as JSON text by what it is.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(GridClient client, IEnumerable<ModelId> models, IEnumerable<Guid> jobs)
    {
        var items = new Dictionary<string, string>();
        foreach (var model in models)
        {
            items[$"{model} model"] = Json(await client.GetModelAsync(model, Ct));
            items[$"{model} versions"] = Json(await client.ListVersionsAsync(model, Ct));
            items[$"{model}@1"] = Json(await client.GetVersionAsync(model, "1", Ct));
            items[$"{model}@stable"] = Json(await client.GetVersionAsync(model, "stable", Ct));
            items[$"{model}@1 manifest"] = Convert.ToHexStringLower(await client.GetManifestAsync(model, "1", Ct));
            items[$"{model} aliases"] = Json(await client.ListAliasesAsync(model, history: true, Ct));
            var cards = await client.ListCardsAsync(model, "1", Ct);
            items[$"{model}@1 cards"] = Json(cards);
            foreach (var card in cards)
            {
                items[$"{model}@1 card r{card.Revision}"] = await client.GetCardAsync(model, "1", card.Revision, Ct);
            }
        }

        foreach (var id in jobs)
        {
            items[$"job {id}"] = Json(await client.GetEvaluationAsync(id, withResult: true, Ct));
        }

        return items;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);
}
