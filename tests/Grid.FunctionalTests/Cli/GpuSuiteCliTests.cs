using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ModelGrid.Api;
using ModelGrid.FunctionalTests.Api;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// A grid that offers a suite needing a GPU (the MNIST suite with <c>execution: gpu</c>) and, at first, has never seen a
/// worker with one: real silo processes on one data folder, restarted with and without a GPU worker.
/// </summary>
public sealed class GpuSuiteCliTests
{
    private const string Suite = "mnist-accuracy-gpu";
    private const string Waiting = "no worker with a GPU is connected now; the job waits until one joins";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_GpuSuite_RefusedWhileNoGpuWorkerEverJoined_ThenQueuedWithAReasonEvalStatusShows()
    {
        var data = TestPaths.NewTempFolder("gpu-grid");
        var suites = GpuSuiteFolder();
        var apiOnly = Settings(suites, ("Grid__Roles", "api"));
        string admin;
        await using (var first = await SiloProcess.StartAsync(data, apiOnly))
        {
            await first.WaitForOutputAsync("Demo model demo/mnist@1 published", TimeSpan.FromMinutes(2));
            admin = (await File.ReadAllTextAsync(Path.Combine(data, "admin-token"), Ct)).Trim();
            var cli = new GridCliRunner(first.Url, admin);

            var refused = await cli.RunAsync("eval", "submit", "demo/mnist@1", "--suite", Suite);
            var problem = await SubmitAsync(first.Url, admin);

            Assert.Equal(5, refused.ExitCode);
            Assert.Equal(
                $"error: No GPU worker: suite {Suite} runs only on a worker with a GPU, and no worker with a GPU has joined this grid; the job would wait forever\n",
                refused.Stderr);
            await ApiAssert.ProblemAsync(problem, HttpStatusCode.Conflict, "No GPU worker");
            await first.StopAsync();
        }

        await using (var withGpu = await SiloProcess.StartAsync(data, Settings(suites, ("Grid__Roles", "api,worker"), ("Grid__Worker__Gpu", "true"), ("Grid__Worker__WorkerId", "gpu-box"))))
        {
            await withGpu.WaitForOutputAsync("Worker gpu-box joined the grid (GPU: True)", TimeSpan.FromMinutes(1));
            await withGpu.StopAsync();
        }

        await using var again = await SiloProcess.StartAsync(data, apiOnly);
        var later = new GridCliRunner(again.Url, admin);

        var submitted = await later.RunAsync("eval", "submit", "demo/mnist@1", "--suite", Suite, "--json");
        var id = submitted.Json.GetProperty("job").GetProperty("id").GetString()!;
        var repeated = await later.RunAsync("eval", "submit", "demo/mnist@1", "--suite", Suite);
        var status = await later.RunAsync("eval", "status", id);

        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        Assert.Equal("queued", submitted.Json.GetProperty("job").GetProperty("status").GetString());
        Assert.Equal([Waiting], submitted.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.True(repeated.ExitCode == 0, repeated.ToString());
        Assert.Equal($"deduplicated {id}  demo/mnist@1 on {Suite}  queued\n", repeated.Stdout);
        Assert.Equal($"warning: {Waiting}\n", repeated.Stderr);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"  status     queued\n  waiting    {Waiting}\n", status.Stdout, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string suites, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Grid__Evaluation__SuitesPath"] = suites,
            ["Grid__Demo__Evaluations"] = "false",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A suites folder with one suite: the shipped MNIST accuracy suite under another id, declared to need a GPU.</summary>
    private static string GpuSuiteFolder()
    {
        var root = TestPaths.NewTempFolder("gpu-suites");
        var source = Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "mnist-accuracy");
        var target = Directory.CreateDirectory(Path.Combine(root, Suite)).FullName;
        File.Copy(Path.Combine(source, "datacard.md"), Path.Combine(target, "datacard.md"));
        var spec = File.ReadAllText(Path.Combine(source, "suite.yaml"))
            .Replace("id: mnist-accuracy\n", $"id: {Suite}\nexecution: gpu\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(target, "suite.yaml"), spec);
        return root;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(Uri hub, string token)
    {
        using var http = new HttpClient { BaseAddress = hub };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.PostAsJsonAsync("api/v1/evaluations", new SubmitEvaluationRequest("demo/mnist", Suite, "1"), ApiJson.Options, Ct);
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }
}
