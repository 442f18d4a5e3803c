using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelGrid.Api;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Testing;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class EvaluationsApiTests(GridAppFactory app)
{
    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_NewJob_Is202_RunsOnTheWorker_AndRecordsTheResultInANewCardRevision()
    {
        var model = await HubTestModel.CreateAsync(app);
        var version = await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());

        var response = await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!;
        Assert.Equal($"/api/v1/evaluations/{submitted.Job.Id:D}", response.Headers.Location!.OriginalString);
        Assert.False(submitted.Deduplicated);
        var done = await _calls.WaitAsync(submitted.Job.Id);
        Assert.Equal(JobStatus.Succeeded, done.Job.Status);
        var report = Report(done);
        Assert.Equal(1282.0 / 3963, report.Metric("false_positive_rate")!.Value, 12);
        Assert.Equal(version.RevisionId, done.Job.Spec.RevisionId);
        var cards = await model.Client.ListCardsAsync(model.Id, "1", Ct);
        Assert.Equal(["evaluation"], cards.Select(c => c.Source));
        var card = await model.Client.GetCardAsync(model.Id, "1", cancellationToken: Ct);
        Assert.Contains($"url: /api/v1/evaluations/{submitted.Job.Id:D}", card, StringComparison.Ordinal);
        Assert.Contains("verified: true", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SameVersionAndSuiteAgain_Is200WithTheRecordedResult_UnlessForced()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        var first = await (await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism"))).Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct);
        await _calls.WaitAsync(first!.Job.Id);

        var again = await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", "latest"));
        var forced = await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", Force: true));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var view = (await again.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!;
        Assert.True(view.Deduplicated);
        Assert.Equal(first.Job.Id, view.Job.Id);
        Assert.Equal(1216.0 / 3251, Report(view).Metric("false_negative_rate")!.Value, 12);
        Assert.Equal(HttpStatusCode.Accepted, forced.StatusCode);
        Assert.NotEqual(first.Job.Id, (await forced.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!.Job.Id);
    }

    [Fact]
    public async Task Submit_ModelThatFailsInsideOnnxRuntime_FailsWithTheReasonInItsLog_AndTheWorkerRunsTheNextJob()
    {
        var model = await HubTestModel.CreateAsync(app);
        var broken = await model.PublishAsync(FailingModel(), Unique());
        var good = await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());

        var bad = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", broken.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var next = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", good.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var failed = await _calls.WaitAsync(bad.Job.Id);
        var succeeded = await _calls.WaitAsync(next.Job.Id);
        Assert.Equal(JobStatus.Failed, failed.Job.Status);
        Assert.StartsWith("ModelRunException: ", failed.Job.FailureReason, StringComparison.Ordinal);
        Assert.Contains("Gather", failed.Job.FailureReason, StringComparison.Ordinal);
        var log = (await app.Http(model.Token).GetFromJsonAsync<EvaluationLog>($"/api/v1/evaluations/{bad.Job.Id:D}/logs", ApiJson.Options, Ct))!;
        Assert.Contains(log.Lines, l => l.StartsWith("failed: ModelRunException: ", StringComparison.Ordinal));
        Assert.Equal(JobStatus.Succeeded, succeeded.Job.Status);
        var again = await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", broken.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task Submit_ModelFileThatIsNoOnnx_FailsWithAReasonThatNamesNoFolderOfTheWorker()
    {
        var model = await HubTestModel.CreateAsync(app);
        var bytes = "this is not an ONNX model\n"u8.ToArray();
        var sha = ApiAssert.Sha256(bytes);
        await model.PublishAsync((new ManifestFile("model.onnx", bytes.Length, sha), bytes), Unique());

        var view = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism"));

        var failed = await _calls.WaitAsync(view.Job.Id);
        Assert.Equal(JobStatus.Failed, failed.Job.Status);
        Assert.Equal(
            $"InvalidModelException: '<cache>/{sha}' is not a valid ONNX model: [ErrorCode:InvalidProtobuf] Load model from <cache>/{sha} failed:Protobuf parsing failed.",
            failed.Job.FailureReason);
        var log = (await app.Http(model.Token).GetFromJsonAsync<EvaluationLog>($"/api/v1/evaluations/{view.Job.Id:D}/logs", ApiJson.Options, Ct))!;
        Assert.Contains($"failed: {failed.Job.FailureReason}", log.Lines);
        Assert.All(log.Lines, l => Assert.DoesNotContain(app.DataPath, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_WhileTheWorkerRunsALongModel_StopsTheRunAndTheNextJobRuns()
    {
        var model = await HubTestModel.CreateAsync(app);
        var slow = await model.PublishAsync(SlowModel(), Unique());
        var good = await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        var running = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "throughput-cpu", slow.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await _calls.WaitAsync(running.Job.Id, j => j.Status != JobStatus.Queued);

        var cancel = await app.Http(model.Token).PostAsync(new Uri($"/api/v1/evaluations/{running.Job.Id:D}/cancel", UriKind.Relative), null, Ct);
        var next = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", good.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // Uncancelled, the throughput sweep of this model holds the only worker slot for hours.
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(JobStatus.Succeeded, (await _calls.WaitAsync(next.Job.Id)).Job.Status);
        var cancelled = (await app.Http(model.Token).GetFromJsonAsync<EvaluationView>($"/api/v1/evaluations/{running.Job.Id:D}", ApiJson.Options, Ct))!;
        Assert.Equal(JobStatus.Cancelled, cancelled.Job.Status);
        Assert.Null(cancelled.Job.ResultRef);
        Assert.Null(cancelled.Result);
    }

    [Fact]
    public async Task Submit_ModelWhoseInputsTheSuiteDoesNotMap_FailsNamingTheInput()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());

        var view = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "adult-income"));

        var failed = await _calls.WaitAsync(view.Job.Id);
        Assert.Equal(JobStatus.Failed, failed.Job.Status);
        Assert.Equal("ModelInputMismatchException: the model's input 'decile_score' is not mapped by suite adult-income@1; it maps age, fnlwgt, education-num, capital-gain, capital-loss, hours-per-week, workclass, education, marital-status, occupation, relationship, race, sex, native-country", failed.Job.FailureReason);
    }

    [Fact]
    public async Task Submit_BadInput_IsAProblemAndNothingIsQueued()
    {
        var model = await HubTestModel.CreateAsync(app);
        var version = await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        var reader = await app.TokenAsync(model.Id.Owner, "read");
        var privateModel = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await privateModel.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        var other = await app.TokenAsync($"x{Guid.NewGuid():N}"[..12], "evaluate");

        await ApiAssert.ProblemAsync(await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "no-such-suite")), HttpStatusCode.NotFound, "Suite not found");
        await ApiAssert.ProblemAsync(await _calls.SubmitAsync(null, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism")), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await _calls.SubmitAsync(reader, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism")), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await _calls.SubmitAsync(other, new SubmitEvaluationRequest(privateModel.Id.ToString(), "compas-recidivism")), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest("Not A/Model", "compas-recidivism")), HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", "7")), HttpStatusCode.NotFound);
        await model.Client.WithdrawAsync(model.Id, version.Number, "broken", Ct);
        await ApiAssert.ProblemAsync(await _calls.SubmitAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", "1")), HttpStatusCode.Conflict, "Version not evaluable");

        var list = await app.Http(model.Token).GetFromJsonAsync<EvaluationList>($"/api/v1/evaluations?model={model.Id}", ApiJson.Options, Ct);
        Assert.Equal(0, list!.Total);
    }

    [Fact]
    public async Task Submit_BeyondTheTokensLimitPerMinute_Is429WithRetryAfterAndAProblemType()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        var limit = app.Services.GetRequiredService<IOptions<EvaluationOptions>>().Value.SubmissionsPerMinute;
        var token = await app.TokenAsync(model.Id.Owner, "evaluate");

        for (var i = 0; i < limit; i++)
        {
            Assert.True((await _calls.SubmitAsync(token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism"))).IsSuccessStatusCode);
        }

        var refused = await _calls.SubmitAsync(token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism"));

        var detail = await ApiAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests, "Too many requests");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.EndsWith($"try again in {retryAfter.Value.TotalSeconds:0} s", detail, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ListCancelAndLogs_FollowTheRightsOfTheJob()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        var view = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism"));
        await _calls.WaitAsync(view.Job.Id);
        var stranger = await app.TokenAsync($"s{Guid.NewGuid():N}"[..12], "evaluate");

        var all = await app.Http().GetFromJsonAsync<EvaluationList>($"/api/v1/evaluations?model={model.Id}", ApiJson.Options, Ct);
        var queued = await app.Http().GetFromJsonAsync<EvaluationList>($"/api/v1/evaluations?model={model.Id}&status=queued", ApiJson.Options, Ct);
        var strangerLog = await app.Http(stranger).GetAsync(new Uri($"/api/v1/evaluations/{view.Job.Id:D}/logs", UriKind.Relative), Ct);
        var strangerCancel = await app.Http(stranger).PostAsync(new Uri($"/api/v1/evaluations/{view.Job.Id:D}/cancel", UriKind.Relative), null, Ct);
        var ownerLog = await app.Http(model.Token).GetFromJsonAsync<EvaluationLog>($"/api/v1/evaluations/{view.Job.Id:D}/logs", ApiJson.Options, Ct);

        Assert.Equal([view.Job.Id], all!.Items.Select(j => j.Id));
        Assert.Equal(0, queued!.Total);
        await ApiAssert.ProblemAsync(strangerLog, HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(strangerCancel, HttpStatusCode.Forbidden);
        Assert.Contains(ownerLog!.Lines, l => l.StartsWith("attempt 1 leased by ", StringComparison.Ordinal));
        Assert.Contains(ownerLog.Lines, l => l.StartsWith("metrics: ", StringComparison.Ordinal));
        await ApiAssert.ProblemAsync(await app.Http().GetAsync(new Uri($"/api/v1/evaluations/{Guid.NewGuid():D}", UriKind.Relative), Ct), HttpStatusCode.NotFound, "Evaluation not found");
        await ApiAssert.ProblemAsync(await app.Http().GetAsync(new Uri("/api/v1/evaluations?model=a/b&status=done", UriKind.Relative), Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Suites_ListsTheShippedSuitesWithDigests_AndOneWithItsDataCard()
    {
        var suites = await app.Http().GetFromJsonAsync<List<SuiteView>>("/api/v1/suites", ApiJson.Options, Ct);
        var one = await app.Http().GetFromJsonAsync<SuiteView>("/api/v1/suites/mnist-accuracy", ApiJson.Options, Ct);

        Assert.Equal(["adult-income", "compas-recidivism", "crows-pairs", "generation-cpu", "mnist-accuracy", "stories-choice", "throughput-cpu"], suites!.Select(s => s.Id));
        Assert.All(suites!, s => Assert.Matches("^[0-9a-f]{64}$", s.Digest));
        Assert.Equal(["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"], one!.Artifacts);
        Assert.StartsWith("---\n", one.DataCard, StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(await app.Http().GetAsync(new Uri("/api/v1/suites/nope", UriKind.Relative), Ct), HttpStatusCode.NotFound, "Suite not found");
    }

    [Fact]
    public async Task Compare_TwoVersions_ShowsFiguresDeltasAndSignificance()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile("compas-recidivism", 1), Unique());
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        foreach (var v in new[] { "1", "2" })
        {
            await _calls.WaitAsync((await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), "compas-recidivism", v))).Job.Id);
        }

        var response = await app.Http().GetAsync(new Uri($"/api/v1/models/{model.Id}/compare?versions=1,2&suite=compas-recidivism", UriKind.Relative), Ct);
        var missing = await app.Http().GetAsync(new Uri($"/api/v1/models/{model.Id}/compare?versions=1,2&suite=adult-income", UriKind.Relative), Ct);
        var bad = await app.Http().GetAsync(new Uri($"/api/v1/models/{model.Id}/compare?versions=1,x&suite=compas-recidivism", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonSerializer.Deserialize<Evaluation.Comparison.ComparisonReport>(await response.Content.ReadAsByteArrayAsync(Ct), EvaluationJson.Options)!;
        Assert.Equal(1, report.Baseline);
        var fpr = report.Metrics.Single(m => m.View == "race" && m.Name == "group[African-American].false_positive_rate");
        Assert.Equal(805.0 / 1795, fpr.Figures[1].Value!.Value, 12);
        Assert.Equal(fpr.Figures[1].Value!.Value - fpr.Figures[0].Value!.Value, fpr.Figures[1].Delta!.Value, 12);
        Assert.True(fpr.Figures[1].Significant);
        Assert.Null(fpr.Figures[0].Delta);
        await ApiAssert.ProblemAsync(missing, HttpStatusCode.Conflict, "No result to compare");
        await ApiAssert.ProblemAsync(bad, HttpStatusCode.BadRequest);
    }

    /// <summary>Reads <c>decile_score</c> like the vendor's rule, then gathers along an axis of length 1 with the scores as indices: ONNX Runtime fails inside Run.</summary>
    private static (ManifestFile File, byte[] Bytes) FailingModel()
    {
        var bytes = new OnnxGraph()
            .Input("decile_score", OnnxGraph.FloatType, "N", 1)
            .Node("Cast", ["decile_score"], ["index"], ("to", OnnxGraph.Int64Type))
            .Node("Gather", ["decile_score", "index"], ["probability"], ("axis", 1))
            .Output("probability", OnnxGraph.FloatType, "N", "M", 1)
            .ToModel();
        return (new ManifestFile("model.onnx", bytes.Length, ApiAssert.Sha256(bytes)), bytes);
    }

    /// <summary>
    /// 200 MatMuls of float[1,2048,2048] in a chain: one call takes minutes on one thread, each operator a fraction of
    /// a second.
    /// </summary>
    private static (ManifestFile File, byte[] Bytes) SlowModel()
    {
        var graph = new OnnxGraph().Input("x", OnnxGraph.FloatType, 1, 2048, 2048);
        var previous = "x";
        for (var i = 0; i < 200; i++)
        {
            graph.Node("MatMul", [previous, "x"], [$"m{i}"]);
            previous = $"m{i}";
        }

        var bytes = graph.Output(previous, OnnxGraph.FloatType, 1, 2048, 2048).ToModel();
        return (new ManifestFile("model.onnx", bytes.Length, ApiAssert.Sha256(bytes)), bytes);
    }
}
