using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Api;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Storage.Blobs;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>
/// Results shared between models with the same files: only as a copy on a job of the submitter's own model, only from
/// a model the submitter may read, and never with anything of the other job (docs/architecture.md, "Results shared
/// across models").
/// </summary>
[Collection(GridAppGroup.Name)]
public sealed class EvaluationReuseTests(GridAppFactory app)
{
    private const string Suite = "compas-recidivism";
    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_SameFilesAsAnotherOwnersPrivateModel_RunsItsOwnJob_AndShowsNothingOfTheOther()
    {
        var unique = Unique();
        var alice = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await alice.PublishAsync(SampleFile(Suite, 4), unique);
        var aliceJob = await _calls.WaitAsync((await _calls.SubmitViewAsync(alice.Token, Request(alice))).Job.Id);
        var bob = await HubTestModel.CreateAsync(app);
        await bob.PublishAsync(SampleFile(Suite, 4), unique);

        var response = await _calls.SubmitAsync(bob.Token, Request(bob));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submitText = await response.Content.ReadAsStringAsync(Ct);
        var submitted = (await response.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!;
        Assert.NotEqual(aliceJob.Job.Id, submitted.Job.Id);
        Assert.False(submitted.Deduplicated);
        Assert.False(submitted.Job.ResultReused);
        Assert.Equal(bob.Id, submitted.Job.Spec.Model);
        Assert.Equal(1, submitted.Job.Attempt);
        var done = await _calls.WaitAsync(submitted.Job.Id);
        Assert.Equal(JobStatus.Succeeded, done.Job.Status);
        Assert.False(done.Job.ResultReused);
        Assert.Equal(Report(aliceJob).Metric("accuracy")!.Value, Report(done).Metric("accuracy")!.Value);
        var seenByBob = new[]
        {
            submitText,
            await _calls.GetTextAsync(bob.Token, $"/api/v1/evaluations/{submitted.Job.Id:D}"),
            await _calls.GetTextAsync(bob.Token, $"/api/v1/evaluations/{submitted.Job.Id:D}/logs"),
            await _calls.GetTextAsync(bob.Token, $"/api/v1/evaluations?model={bob.Id}"),
            await _calls.GetTextAsync(bob.Token, $"/api/v1/models/{bob.Id}/versions/1/card"),
            await _calls.GetTextAsync(bob.Token, $"/api/v1/models/{bob.Id}/versions/1/cards"),
        };
        AssertNothingOf(seenByBob, alice, aliceJob.Job.Id);
        Assert.Contains($"url: /api/v1/evaluations/{submitted.Job.Id:D}", seenByBob[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_PrivateModelWithTheFilesOfAPublicOne_GetsANewJobOfItsOwnSucceededAtOnceWithACopyOfTheResult()
    {
        var unique = Unique();
        var bob = await HubTestModel.CreateAsync(app);
        await bob.PublishAsync(SampleFile(Suite, 4), unique);
        var bobJob = await _calls.WaitAsync((await _calls.SubmitViewAsync(bob.Token, Request(bob))).Job.Id);
        var alice = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await alice.PublishAsync(SampleFile(Suite, 4), unique);

        var response = await _calls.SubmitAsync(alice.Token, Request(alice));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var submitText = await response.Content.ReadAsStringAsync(Ct);
        var view = (await response.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!;
        var job = view.Job;
        Assert.NotEqual(bobJob.Job.Id, job.Id);
        Assert.False(view.Deduplicated);
        Assert.True(job.ResultReused);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Attempt);
        Assert.Equal(alice.Id, job.Spec.Model);
        Assert.Equal(1, job.Spec.Version);
        Assert.Equal($"{alice.Id.Owner} ({TokenId(alice.Token)})", job.Spec.Requester);
        Assert.Equal($"results/{job.Id:D}/1.json", job.ResultRef);
        Assert.Null(job.Worker);
        Assert.Null(job.LeaseId);
        Assert.Null(job.StartedAt);
        Assert.True(job.SubmittedAt > bobJob.Job.CompletedAt);
        Assert.Equal(EvaluationJson.Serialize(bobJob.Result!), EvaluationJson.Serialize(view.Result!));
        Assert.Equal(Report(bobJob).Metric("false_positive_rate")!.Value, Report(view).Metric("false_positive_rate")!.Value);
        var blobs = app.Services.GetRequiredService<IBlobStore>();
        Assert.NotNull(await blobs.GetInfoAsync($"results/{job.Id:D}/1.predictions", Ct));
        var log = (await app.Http(alice.Token).GetFromJsonAsync<EvaluationLog>($"/api/v1/evaluations/{job.Id:D}/logs", ApiJson.Options, Ct))!;
        Assert.Equal(["result reused from an earlier run on the same files"], log.Lines);
        var seenByAlice = new[]
        {
            submitText,
            await _calls.GetTextAsync(alice.Token, $"/api/v1/evaluations/{job.Id:D}"),
            await _calls.GetTextAsync(alice.Token, $"/api/v1/evaluations?model={alice.Id}"),
            await _calls.GetTextAsync(alice.Token, $"/api/v1/models/{alice.Id}/versions/1/card"),
            await _calls.GetTextAsync(alice.Token, $"/api/v1/models/{alice.Id}/versions/1/cards"),
        };
        AssertNothingOf(seenByAlice, bob, bobJob.Job.Id);
        Assert.Contains($"url: /api/v1/evaluations/{job.Id:D}", seenByAlice[3], StringComparison.Ordinal);
        var listed = await app.Http(alice.Token).GetFromJsonAsync<EvaluationList>($"/api/v1/evaluations?model={alice.Id}", ApiJson.Options, Ct);
        Assert.Equal([job.Id], listed!.Items.Select(j => j.Id));
        var again = await _calls.SubmitViewAsync(alice.Token, Request(alice));
        Assert.True(again.Deduplicated);
        Assert.Equal(job.Id, again.Job.Id);
    }

    [Fact]
    public async Task Submit_AfterTheSourceWentPrivate_TheCopyStaysWithoutALink_AndAThirdOwnerRunsItsOwnJob()
    {
        var unique = Unique();
        var bob = await HubTestModel.CreateAsync(app);
        await bob.PublishAsync(SampleFile(Suite, 4), unique);
        var bobJob = await _calls.WaitAsync((await _calls.SubmitViewAsync(bob.Token, Request(bob))).Job.Id);
        var alice = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await alice.PublishAsync(SampleFile(Suite, 4), unique);
        var copy = await _calls.SubmitViewAsync(alice.Token, Request(alice));
        var cardBefore = await alice.Client.GetCardAsync(alice.Id, "1", cancellationToken: Ct);
        await bob.Client.UpdateModelAsync(bob.Id, new UpdateModelRequest(Visibility: ModelVisibility.Private), Ct);
        var carol = await HubTestModel.CreateAsync(app);
        await carol.PublishAsync(SampleFile(Suite, 4), unique);

        var kept = await app.Http(alice.Token).GetFromJsonAsync<EvaluationView>($"/api/v1/evaluations/{copy.Job.Id:D}", ApiJson.Options, Ct);
        var response = await _calls.SubmitAsync(carol.Token, Request(carol));

        Assert.True(copy.Job.ResultReused);
        Assert.Equal(JobStatus.Succeeded, kept!.Job.Status);
        Assert.Equal(EvaluationJson.Serialize(bobJob.Result!), EvaluationJson.Serialize(kept.Result!));
        Assert.Equal(cardBefore, await alice.Client.GetCardAsync(alice.Id, "1", cancellationToken: Ct));
        AssertNothingOf([cardBefore, await _calls.GetTextAsync(alice.Token, $"/api/v1/evaluations/{copy.Job.Id:D}")], bob, bobJob.Job.Id);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submitText = await response.Content.ReadAsStringAsync(Ct);
        var carolJob = (await response.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!.Job;
        Assert.False(carolJob.ResultReused);
        Assert.Equal(carol.Id, carolJob.Spec.Model);
        Assert.NotEqual(JobStatus.Succeeded, carolJob.Status);
        var done = await _calls.WaitAsync(carolJob.Id);
        Assert.Equal(JobStatus.Succeeded, done.Job.Status);
        Assert.False(done.Job.ResultReused);
        AssertNothingOf([submitText, await _calls.GetTextAsync(carol.Token, $"/api/v1/evaluations/{carolJob.Id:D}")], bob, bobJob.Job.Id);
        AssertNothingOf([submitText, await _calls.GetTextAsync(carol.Token, $"/api/v1/models/{carol.Id}/versions/1/card")], alice, copy.Job.Id);
    }

    [Fact]
    public async Task Get_ByAnotherReader_ShowsTheRequestersOwnerWithoutTheTokenId()
    {
        var bob = await HubTestModel.CreateAsync(app);
        await bob.PublishAsync(SampleFile(Suite, 4), Unique());
        var job = await _calls.SubmitViewAsync(bob.Token, Request(bob));
        var reader = await app.TokenAsync($"r{Guid.NewGuid():N}"[..12], "read", "evaluate");

        var byBob = await app.Http(bob.Token).GetFromJsonAsync<EvaluationView>($"/api/v1/evaluations/{job.Job.Id:D}?result=false", ApiJson.Options, Ct);
        var anonymousText = await _calls.GetTextAsync(null, $"/api/v1/evaluations/{job.Job.Id:D}?result=false");
        var listText = await _calls.GetTextAsync(reader, $"/api/v1/evaluations?model={bob.Id}");
        var joined = await _calls.SubmitAsync(reader, Request(bob));
        var joinedText = await joined.Content.ReadAsStringAsync(Ct);

        Assert.Equal($"{bob.Id.Owner} ({TokenId(bob.Token)})", byBob!.Job.Spec.Requester);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        foreach (var text in new[] { anonymousText, listText, joinedText })
        {
            Assert.Contains($"\"requester\":\"{bob.Id.Owner}\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain(TokenId(bob.Token), text, StringComparison.Ordinal);
        }
    }

    private static SubmitEvaluationRequest Request(HubTestModel model) => new(model.Id.ToString(), Suite);

    private static void AssertNothingOf(IEnumerable<string> texts, HubTestModel other, Guid otherJob)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(other.Id.Owner, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TokenId(other.Token), text, StringComparison.Ordinal);
            Assert.DoesNotContain(otherJob.ToString("D"), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(otherJob.ToString("N"), text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
