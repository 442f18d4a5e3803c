using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.ClusterTests.Cluster;

namespace ModelGrid.ClusterTests.Scenarios;

/// <summary>The scenario's other clients: one that tries the API's kinds of call throughout, and the wait for the cards.</summary>
public sealed partial class StorageOutageTests
{
    /// <summary>
    /// Round after round until stopped: reads of a model, its versions and its weights, and of a card (of a model
    /// whose evaluations write cards); while storage is down also writes that need it (a new model, an evaluation). Sent once each, so the log holds every answer as it
    /// came; the number of rounds is returned.
    /// </summary>
    private static async Task<int> ProbeAsync(GridClient client, ModelId model, ModelId carded, OutageFlag outage, CancellationToken stop)
    {
        var rounds = 0;
        while (!stop.IsCancellationRequested)
        {
            var down = outage.Down;
            List<Func<Task>> calls =
            [
                () => client.GetModelAsync(model, stop),
                () => client.ListVersionsAsync(model, stop),
                () => client.GetCardAsync(carded, "1", cancellationToken: stop),
                async () =>
                {
                    using var download = await client.DownloadAsync(model, "1", "model.onnx", cancellationToken: stop);
                    await download.Content.CopyToAsync(Stream.Null, stop);
                },
            ];
            if (down)
            {
                // Writes only while storage is away, so what they leave behind stays on this model and on models of their own.
                calls.Add(() => client.CreateModelAsync(new CreateModelRequest(model.Owner, $"probe-{rounds}", License: "MIT"), stop));
                calls.Add(() => client.SubmitEvaluationAsync(new SubmitEvaluationRequest(model.ToString(), QuickSuite.Id, "1", true), stop));
            }

            foreach (var call in calls)
            {
                try
                {
                    await call();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return rounds;
                }
                catch (Exception e) when (e is HttpRequestException or GridApiException or HttpIOException)
                {
                    // The log has the answer.
                }
            }

            rounds++;
            try
            {
                await Task.Delay(500, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return rounds;
    }

    /// <summary>Whether storage is away right now, as the test set it.</summary>
    private sealed class OutageFlag
    {
        public volatile bool Down;
    }
}
