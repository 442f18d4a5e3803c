using System.Globalization;
using System.Text.Json;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary><c>grid eval --local</c> on the language-model suites with stories260K's KV graph, offline on the verified mirror.</summary>
public sealed class LanguageModelCliTests
{
    [Fact]
    public async Task Local_CrowsPairsOnStories260K_GivesTheEnginesFiguresOverEveryPair()
    {
        var result = await Runner().RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", TestArtifacts.Get("stories260K_kv.onnx"), "--suite", "eval-suites/crows-pairs", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1508, result.Json.GetProperty("rows").GetInt32());
        var metrics = result.Json.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, Figure);
        Assert.Equal("0.3999 [0.3766, 0.4237]", metrics["pct_stereotype"]);
        Assert.Equal("0.3120 [0.2724, 0.3524]", metrics["group[race-color].pct_stereotype"]);
        Assert.Equal(10, metrics.Count);
    }

    [Fact]
    public async Task Local_SuiteWithoutATokenizer_TakesTheOneBesideTheModel()
    {
        var folder = TestPaths.NewTempFolder("lm-beside");
        var model = Path.Combine(folder, "model.onnx");
        File.Copy(TestArtifacts.Get("stories260K_kv.onnx"), model);
        File.Copy(TestArtifacts.Get("tok512.model"), Path.Combine(folder, "tokenizer.model"));
        var suite = Path.Combine(folder, "stories-choice");
        Directory.CreateDirectory(suite);
        var source = Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "stories-choice");
        foreach (var file in new[] { "items.jsonl", "datacard.md" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(suite, file));
        }

        var yaml = await File.ReadAllLinesAsync(Path.Combine(source, "suite.yaml"), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(suite, "suite.yaml"), yaml.Where(l => !l.TrimStart().StartsWith("tokenizer:", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        var result = await Runner().RunInAsync(folder, "eval", "--local", model, "--suite", suite);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("40 items; 95% bootstrap intervals", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^all +0\.7750 \[0\.6500, 0\.9000\] +0\.8500 \[0\.7250, 0\.9500\]$", result.Stdout);
    }

    /// <summary>A CLI that reads artifacts from the test mirror only, offline, with a cache of its own; no hub behind it.</summary>
    internal static GridCliRunner Runner()
    {
        var cli = new GridCliRunner(new Uri("http://127.0.0.1:9"));
        cli.Environment["Grid__Artifacts__Mirrors__0"] = TestArtifacts.MirrorFolder;
        cli.Environment["Grid__Artifacts__Offline"] = "true";
        cli.Environment["GRID_CACHE"] = TestPaths.NewTempFolder("artifact-cache");
        return cli;
    }

    /// <summary>A metric as the CLI prints it: value and interval to four places.</summary>
    internal static string Figure(JsonElement metric) => string.Create(
        CultureInfo.InvariantCulture, $"{metric.GetProperty("value").GetDouble():F4} [{metric.GetProperty("lower").GetDouble():F4}, {metric.GetProperty("upper").GetDouble():F4}]");
}
