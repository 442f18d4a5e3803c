using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Api;
using ModelGrid.Storage.Blobs;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>The API reads results typed and still serves each one with the members and values of its stored JSON.</summary>
[Collection(GridAppGroup.Name)]
public sealed class EvaluationResultTests(GridAppFactory app)
{
    private const string Suite = "compas-recidivism";
    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_SucceededBiasJob_ResultEqualsTheStoredJson()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile(Suite, 4), Unique());
        var job = (await _calls.WaitAsync((await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), Suite))).Job.Id)).Job;

        var served = JsonNode.Parse(await _calls.GetTextAsync(model.Token, $"/api/v1/evaluations/{job.Id:D}"))!["result"];

        var blobs = app.Services.GetRequiredService<IBlobStore>();
        await using var reader = (await blobs.OpenReadAsync(job.ResultRef!, cancellationToken: Ct))!;
        var stored = await JsonNode.ParseAsync(reader.Content, cancellationToken: Ct);
        Assert.NotNull(served);
        Assert.True(JsonNode.DeepEquals(stored, served), $"served:\n{served}\nstored:\n{stored}");
        Assert.Equal(stored!.AsObject().Select(p => p.Key), served.AsObject().Select(p => p.Key));
    }
}
