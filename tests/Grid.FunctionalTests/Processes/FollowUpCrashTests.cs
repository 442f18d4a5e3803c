using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Evaluations;
using ModelGrid.FunctionalTests.Api;
using ModelGrid.Storage;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>A result the grid accepted reaches the model card even when the silo dies before the card is written.</summary>
public sealed class FollowUpCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SiloKilledAfterTheJobSucceededButBeforeTheCardWasWritten_AfterARestartTheCardGetsTheResultOnce()
    {
        var data = TestPaths.NewTempFolder("follow-up-crash");
        var id = new ModelId("keeper", "model");
        var environment = new Dictionary<string, string?>
        {
            ["Grid__Demo__Enabled"] = "false",
            ["Grid__Jobs__FollowUpRetrySeconds"] = "1",
        };

        // Where the evaluation's card revision (r2) goes: a folder there makes writing it fail until it is removed.
        var obstacle = Path.Combine(data, HubLayout.Card(id, 1, 2).Replace('/', Path.DirectorySeparatorChar));
        string token;
        Guid job;
        await using (var first = await SiloProcess.StartAsync(data, environment))
        {
            var admin = GridClient.Create(first.Url, (await File.ReadAllTextAsync(Path.Combine(data, "admin-token"), Ct)).Trim());
            token = (await admin.CreateTokenAsync(new CreateTokenRequest("keeper", ["read", "publish"]), Ct)).Token;
            var client = GridClient.Create(first.Url, token);
            await client.CreateModelAsync(new CreateModelRequest("keeper", "model", "kept"), Ct);
            var (file, bytes) = EvaluationCalls.SampleFile("compas-recidivism", 4);
            var draft = await client.CreateDraftAsync(id, new CreateDraftRequest([file], "---\nlicense: MIT\n---\n# kept\n"), Ct);
            await client.UploadFileAsync(id, draft.Number, file.Path, new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: Ct);
            await client.PublishAsync(id, draft.Number, Ct);
            Directory.CreateDirectory(obstacle);

            job = (await client.SubmitEvaluationAsync(new SubmitEvaluationRequest(id.ToString(), "compas-recidivism", "1"), Ct)).Job.Id;
            Assert.True(await EventuallyAsync(async () => (await client.GetEvaluationAsync(job, withResult: false, Ct)).Job.Status == JobStatus.Succeeded));
            Assert.Equal([1], (await client.ListCardsAsync(id, "1", Ct)).Select(c => c.Revision));

            // Succeeded, not yet on the card: the silo dies now.
            await first.KillAsync();
        }

        Directory.Delete(obstacle);
        await using var second = await SiloProcess.StartAsync(data, environment);
        var reader = GridClient.Create(second.Url, token);

        // Nothing calls the job here: its reminder, kept in the data folder across the crash, records the result.
        Assert.True(await EventuallyAsync(async () => (await reader.ListCardsAsync(id, "1", Ct)).Count == 2));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);

        var cards = await reader.ListCardsAsync(id, "1", Ct);
        Assert.Equal([(1, "publisher"), (2, "evaluation")], cards.Select(c => (c.Revision, c.Source)));
        var card = await reader.GetCardAsync(id, "1", cancellationToken: Ct);
        Assert.Contains($"/api/v1/evaluations/{job:D}", card, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Succeeded, (await reader.GetEvaluationAsync(job, withResult: false, Ct)).Job.Status);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }

        return false;
    }
}
