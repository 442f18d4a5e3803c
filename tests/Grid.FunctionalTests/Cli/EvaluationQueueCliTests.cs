using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.FunctionalTests.Processes;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// <c>grid eval wait|cancel|list</c> on a silo without a worker, where a submitted job stays queued until cancelled;
/// it allows two submissions a minute, so the third is refused (429).
/// </summary>
public sealed class EvaluationQueueCliTests(ApiOnlySiloFixture silo) : IClassFixture<ApiOnlySiloFixture>
{
    [Fact]
    public async Task WaitTimesOut_ThenCancel_AndWaitReportsTheCancellation()
    {
        var cli = new GridCliRunner(silo.Silo.Url, (await File.ReadAllTextAsync(silo.AdminTokenFile, TestContext.Current.CancellationToken)).Trim());
        await silo.Silo.WaitForOutputAsync("Demo model demo/mnist@1 published", TimeSpan.FromMinutes(2));
        var submitted = await cli.RunAsync("eval", "submit", "demo/mnist@1", "--suite", "mnist-accuracy", "--force", "--json");
        var id = submitted.Json.GetProperty("job").GetProperty("id").GetString()!;

        var timedOut = await cli.RunAsync("eval", "wait", id, "--timeout", "2s");
        var queued = await cli.RunAsync("eval", "list", "demo/mnist@1", "--status", "queued", "--json");
        var cancelled = await cli.RunAsync("eval", "cancel", id);
        var waited = await cli.RunAsync("eval", "wait", id);
        var status = await cli.RunAsync("eval", "status", id);
        var submitWait = await cli.RunAsync("eval", "submit", "demo/mnist@1", "--suite", "mnist-accuracy", "--force", "--wait", "--timeout", "1s");
        var limited = await cli.RunAsync("eval", "submit", "demo/mnist@1", "--suite", "mnist-accuracy");

        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        Assert.False(submitted.Json.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(10, timedOut.ExitCode);
        Assert.Equal($"{id}  demo/mnist@1 on mnist-accuracy  queued\n", timedOut.Stdout);
        Assert.StartsWith($"error: 1 of 1 evaluation(s) had not finished after 00:00:02: {id} queued", timedOut.Stderr, StringComparison.Ordinal);
        Assert.Contains(queued.Json.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.StartsWith($"{id}  demo/mnist@1 on mnist-accuracy  cancelled by ", cancelled.Stdout, StringComparison.Ordinal);
        Assert.Equal(9, waited.ExitCode);
        Assert.Single(waited.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: evaluation {id} of demo/mnist@1 on mnist-accuracy cancelled by ", waited.Stderr, StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("  status     cancelled\n", status.Stdout, StringComparison.Ordinal);
        Assert.Equal(10, submitWait.ExitCode);
        Assert.StartsWith("submitted ", submitWait.Stdout, StringComparison.Ordinal);
        Assert.Equal(8, limited.ExitCode);
        Assert.StartsWith("error: Too many requests: ", limited.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitWait_Interrupted_Exits130InOneLine()
    {
        var admin = GridClient.Create(silo.Silo.Url, (await File.ReadAllTextAsync(silo.AdminTokenFile, TestContext.Current.CancellationToken)).Trim());
        var token = (await admin.CreateTokenAsync(new CreateTokenRequest("waiter", ["evaluate"]), TestContext.Current.CancellationToken)).Token;
        var cli = new GridCliRunner(silo.Silo.Url, token);
        await silo.Silo.WaitForOutputAsync("Demo model demo/mnist@1 published", TimeSpan.FromMinutes(2));

        await using var wait = cli.Start("eval", "submit", "demo/mnist@1", "--suite", "mnist-accuracy", "--force", "--wait");
        await wait.WaitForOutputAsync("submitted ");
        await wait.InterruptAsync();
        var interrupted = await wait.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        Assert.Equal("interrupted; run the same command again to continue where it stopped\n", interrupted.Stderr);
        var id = interrupted.Stdout.Split(' ')[1].TrimEnd(':');
        Assert.Equal(0, (await cli.RunAsync("eval", "cancel", id)).ExitCode);
    }
}
