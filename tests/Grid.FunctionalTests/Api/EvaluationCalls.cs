using System.Net.Http.Json;
using ModelGrid.Api;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>Submitting and waiting for evaluations through the API, and the sample model files the suites fit.</summary>
public sealed class EvaluationCalls(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A file that makes a version's revision id its own: results are shared between versions with equal files.</summary>
    public static (ManifestFile File, byte[] Bytes) Unique() => HubTestModel.RandomFile("notes.txt", 32);

    public static (ManifestFile File, byte[] Bytes) SampleFile(string model, int version)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", model, $"v{version}", "model.onnx"));
        return (new ManifestFile("model.onnx", bytes.Length, ApiAssert.Sha256(bytes)), bytes);
    }

    public static EvaluationReport Report(EvaluationView view) => view.Result!;

    /// <summary>The public id of a token <c>mgt_{id}_{secret}</c>, as job requesters and logs name it.</summary>
    public static string TokenId(string token) => token.Split('_')[1];

    public Task<HttpResponseMessage> SubmitAsync(string? token, SubmitEvaluationRequest request) =>
        app.Http(token).PostAsJsonAsync(new Uri("/api/v1/evaluations", UriKind.Relative), request, ApiJson.Options, Ct);

    public async Task<EvaluationView> SubmitViewAsync(string token, SubmitEvaluationRequest request)
    {
        var response = await SubmitAsync(token, request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!;
    }

    /// <summary>The raw text of a GET, for checks that something appears nowhere in it.</summary>
    public async Task<string> GetTextAsync(string? token, string path)
    {
        var response = await app.Http(token).GetAsync(new Uri(path, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    public async Task<EvaluationView> WaitAsync(Guid id, Func<ModelGrid.Evaluations.JobSnapshot, bool>? until = null)
    {
        until ??= job => job.IsFinal;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var view = (await app.Http(GridAppFactory.AdminToken).GetFromJsonAsync<EvaluationView>($"/api/v1/evaluations/{id:D}", ApiJson.Options, Ct))!;
            if (until(view.Job))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {id:D} is still {view.Job.Status} after 2 minutes");
            await Task.Delay(100, Ct);
        }
    }
}
