using System.Text;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Grains.Tests.Versions;

[Collection(HubClusterGroup.Name)]
public sealed class RecordEvaluationTests(HubCluster hub)
{
    private const string PublisherCard = "---\nlicense: MIT\n---\n# Toy\n";

    [Fact]
    public async Task RecordEvaluation_NewResult_WritesTheNextCardRevisionFromThePublishersCard()
    {
        var (version, id, number) = await PublishedAsync();
        var record = await StoreResultAsync(Guid.NewGuid(), 1, 0.81);

        var revision = await version.RecordEvaluation(record);

        Assert.NotNull(revision);
        Assert.Equal(2, revision.Revision);
        Assert.Equal("evaluation", revision.Source);
        var text = await ReadAsync(HubLayout.Card(id, number, 2));
        Assert.StartsWith("---\nlicense: MIT\nmodel-index:\n", text, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/evaluations/{record.JobId:D}", text, StringComparison.Ordinal);
        Assert.Equal([record], await version.ListEvaluations());
    }

    [Fact]
    public async Task RecordEvaluation_SameJobAndAttemptAgain_ChangesNothing()
    {
        var (version, _, _) = await PublishedAsync();
        var record = await StoreResultAsync(Guid.NewGuid(), 1, 0.81);
        await version.RecordEvaluation(record);

        var again = await version.RecordEvaluation(record with { RecordedAt = record.RecordedAt.AddMinutes(1) });

        Assert.Null(again);
        Assert.Equal(2, (await version.ListCards()).Count);
    }

    [Fact]
    public async Task RecordEvaluation_EarlierAttemptAfterALaterOne_IsIgnored_AndALaterOneReplaces()
    {
        var (version, id, number) = await PublishedAsync();
        var job = Guid.NewGuid();
        var second = await StoreResultAsync(job, 2, 0.8);
        var first = await StoreResultAsync(job, 1, 0.5);
        var third = await StoreResultAsync(job, 3, 0.9);

        await version.RecordEvaluation(second);
        var stale = await version.RecordEvaluation(first);
        var newer = await version.RecordEvaluation(third);

        Assert.Null(stale);
        Assert.NotNull(newer);
        Assert.Equal([third], await version.ListEvaluations());
        var text = await ReadAsync(HubLayout.Card(id, number, newer.Revision));
        Assert.Contains("attempt: 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("attempt: 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordEvaluation_TwoResults_TheCardShowsBoth_AndRegeneratingGivesTheSameBytes()
    {
        var (version, id, number) = await PublishedAsync();
        var a = await StoreResultAsync(Guid.NewGuid(), 1, 0.7);
        var b = await StoreResultAsync(Guid.NewGuid(), 1, 0.8);

        await version.RecordEvaluation(a);
        var both = await version.RecordEvaluation(b);

        var text = await ReadAsync(HubLayout.Card(id, number, both!.Revision));
        var reports = new List<ModelGrid.Cards.RecordedResult>();
        foreach (var r in new[] { a, b })
        {
            reports.Add(new ModelGrid.Cards.RecordedResult(r.JobId, r.Attempt, EvaluationJson.Deserialize(Encoding.UTF8.GetBytes(await ReadAsync(r.ResultBlob)))));
        }

        Assert.Equal(ModelGrid.Cards.EvaluationCard.Render(PublisherCard, id.ToString(), reports), text);
        Assert.Contains(a.JobId.ToString(), text, StringComparison.Ordinal);
        Assert.Contains(b.JobId.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordEvaluation_Draft_IsAConflict()
    {
        var (id, model) = await hub.NewModelAsync();
        var draft = await model.CreateDraft(new DraftRequest([await hub.StoreAsync("m.onnx", "x")], null), "t");

        var error = await Assert.ThrowsAsync<HubException>(() =>
            hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number)).RecordEvaluation(
                new EvaluationRecord(Guid.NewGuid(), 1, "s", "d", "cpu", "results/x/1.json", null, "w", hub.Time.GetUtcNow())));

        Assert.Equal(HubErrorKind.Conflict, error.Kind);
    }

    private async Task<(IModelVersionGrain Version, ModelId Id, int Number)> PublishedAsync()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("model.onnx", $"weights {Guid.NewGuid()}");
        var draft = await model.CreateDraft(new DraftRequest([file], PublisherCard), "tester");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));
        await version.MarkPresent(file);
        await model.Publish(draft.Number, "tester");
        return (version, id, draft.Number);
    }

    private async Task<EvaluationRecord> StoreResultAsync(Guid job, int attempt, double accuracy)
    {
        var blob = HubLayout.Result(job, attempt);
        await hub.Content.Blobs.PutAsync(blob, EvaluationJson.Serialize(Contracts.Tests.Cards.SampleReports.Bias(accuracy)), WriteCondition.None, TestContext.Current.CancellationToken);
        return new EvaluationRecord(job, attempt, "toy-bias", new string('d', 64), "cpu", blob, null, "worker-1", hub.Time.GetUtcNow());
    }

    private async Task<string> ReadAsync(string blob)
    {
        await using var reader = await hub.Content.Blobs.OpenReadAsync(blob, cancellationToken: TestContext.Current.CancellationToken);
        using var text = new StreamReader(reader!.Content, Encoding.UTF8);
        return await text.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
