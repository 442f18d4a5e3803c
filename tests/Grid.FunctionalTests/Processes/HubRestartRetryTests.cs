using System.Globalization;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Client.Transfer;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// A hub that stops and comes back on the same address and data: <c>grid eval wait</c> and a pull that were under way
/// wait it out (retrying with backoff) and finish, instead of giving up on the first refused connection.
/// </summary>
public sealed class HubRestartRetryTests
{
    // The clients keep trying for longer than a silo takes to start here (SiloProcess waits up to 120 s for it).
    private static readonly TransientRetryPolicy Patient = TransientRetryPolicy.Default with { Budget = TimeSpan.FromMinutes(4) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvalWaitAndPull_HubStoppedAndRestarted_BothFinishAfterRetrying()
    {
        var data = TestPaths.NewTempFolder("restart-retry");
        var ports = FreePorts.Take(3);
        var url = $"http://127.0.0.1:{ports[0]}";
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url,
            ["Grid__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Grid__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Grid__Demo__Evaluations"] = "false",
            ["Grid__Roles"] = "api",
            // The request log tells the test when the waiting CLI has polled the hub.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };

        CliProcess wait;
        Task<PullResult> pull;
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var folder = TestPaths.NewTempFolder("restart-pull");
        await using (var first = await SiloProcess.StartAsync(data, environment))
        {
            await first.WaitForOutputAsync("Demo model demo/mnist@1 published", TimeSpan.FromMinutes(2));
            var token = (await File.ReadAllTextAsync(Path.Combine(data, "admin-token"), Ct)).Trim();
            var client = GridClient.Create(first.Url, token, Patient with { OnRetry = _ => retried.TrySetResult() });
            var job = (await client.SubmitEvaluationAsync(new SubmitEvaluationRequest("demo/mnist", "mnist-accuracy", null, false), Ct)).Job;
            Assert.Equal(1, (await client.GetModelAsync(new ModelId("demo", "mnist"), Ct)).VersionCount);

            wait = new GridCliRunner(first.Url, token).Start("eval", "wait", job.Id.ToString("D"), "--timeout", "10m");
            await first.WaitForOutputAsync($"GET {url}/api/v1/evaluations/{job.Id:D}", TimeSpan.FromMinutes(2));
            await first.StopAsync();

            // Both start while nothing listens: the CLI says it is retrying, the pull's first request is refused and retried.
            await wait.WaitForErrorAsync("did not answer").WaitAsync(TimeSpan.FromMinutes(2), Ct);
            pull = new Puller(client, SilentProgress.Instance).PullAsync(new ModelId("demo", "mnist"), "1", folder, cancellationToken: Ct);
            await retried.Task.WaitAsync(TimeSpan.FromMinutes(2), Ct);
        }

        // Back with a worker too, so the queued job runs and the wait ends.
        await using var second = await SiloProcess.StartAsync(data, new Dictionary<string, string?>(environment) { ["Grid__Roles"] = "api,worker" });
        var waited = await wait.WaitAsync(TimeSpan.FromMinutes(5));
        var pulled = await pull.WaitAsync(TimeSpan.FromMinutes(5), Ct);
        await wait.DisposeAsync();

        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Contains("succeeded", waited.Stdout, StringComparison.Ordinal);
        Assert.Contains("did not answer", waited.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", waited.Stderr, StringComparison.Ordinal);
        var file = Assert.Single(pulled.Files);
        Assert.Equal("mnist.onnx", file.Path);
        Assert.Equal(await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), Ct), await File.ReadAllBytesAsync(Path.Combine(folder, "mnist.onnx"), Ct));
    }
}
