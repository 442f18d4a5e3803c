using System.Text.Json;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// CrowS-Pairs on stories260K as a job on a real silo's worker and with <c>grid eval --local</c>: the same figures to
/// the last bit. The pushed version holds the model alone, so the worker takes the tokenizer the suite names as an
/// artifact (verified, into its cache by digest), never from beside the model.
/// </summary>
public sealed class LanguageModelJobTests
{
    private const string TokenizerSha256 = "e33674dd21f9a4614289b147413a99a25e565cab391c08bf9ff8a260aa8b1655";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitWait_CrowsPairsOnStories260K_StoresExactlyTheResultOfEvalLocal()
    {
        var data = TestPaths.NewTempFolder("lm-job");
        var folder = TestPaths.NewTempFolder("lm-model");
        File.Copy(TestArtifacts.Get("stories260K_kv.onnx"), Path.Combine(folder, "stories260K_kv.onnx"));
        await using (var silo = await SiloProcess.StartAsync(data, new Dictionary<string, string?> { ["Grid__Demo__Enabled"] = "false" }))
        {
            var admin = new GridCliRunner(silo.Url, (await File.ReadAllTextAsync(Path.Combine(data, "admin-token"), Ct)).Trim());
            var token = await admin.RunAsync("token", "create", "--owner", "alice", "--scopes", "read,publish,evaluate");
            Assert.True(token.ExitCode == 0, token.ToString());
            var alice = new GridCliRunner(silo.Url, token.Stdout.Trim());
            var push = await alice.RunAsync("push", folder, "alice/stories", "--create", "--license", "MIT", "--task", "text-generation", "--private");
            Assert.True(push.ExitCode == 0, push.ToString());

            var submitted = await alice.RunAsync("eval", "submit", "alice/stories@1", "--suite", "crows-pairs", "--wait", "--json");
            var local = await LanguageModelCliTests.Runner().RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Path.Combine(folder, "stories260K_kv.onnx"), "--suite", "eval-suites/crows-pairs", "--json");

            Assert.True(submitted.ExitCode == 0, submitted.ToString());
            Assert.True(local.ExitCode == 0, local.ToString());
            var id = submitted.Json.GetProperty("job").GetProperty("id").GetString()!;
            using var stored = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(data, "results", id, "1.json"), Ct));
            foreach (var property in new[] { "suite", "suiteVersion", "suiteDigest", "kind", "evaluator", "modelSha256", "rows", "metrics", "bootstrap", "warnings" })
            {
                Assert.Equal(local.Json.GetProperty(property).GetRawText(), stored.RootElement.GetProperty(property).GetRawText());
            }

            Assert.Equal(1508, stored.RootElement.GetProperty("rows").GetInt32());
            var figures = stored.RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, LanguageModelCliTests.Figure);
            Assert.Equal(10, figures.Count);
            Assert.Equal("0.3999 [0.3766, 0.4237]", figures["pct_stereotype"]);
            Assert.Equal("0.4962 [0.4337, 0.5595]", figures["group[gender].pct_stereotype"]);
            Assert.Equal("0.3120 [0.2724, 0.3524]", figures["group[race-color].pct_stereotype"]);

            // The worker read the tokenizer the suite names, from its cache, where files are kept by digest.
            var logs = await alice.RunAsync("eval", "logs", id);
            Assert.Contains("tokenizer tok512.model: 512 tokens", logs.Stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(data, "cache", "weights", TokenizerSha256)), logs.Stdout);
        }

        Directory.Delete(data, recursive: true);
        Directory.Delete(folder, recursive: true);
    }
}
