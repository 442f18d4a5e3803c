using System.Text.Json;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// The real <c>grid eval</c> and <c>grid compare</c> against the real silo process, whose worker runs the evaluation
/// demo at start; and <c>grid eval --local</c>, which must give a submitted job's figures exactly.
/// </summary>
public sealed partial class EvaluationCliTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private const string Model = "eval-suites/models/compas-recidivism/v4/model.onnx";
    private const string SuiteFolder = "eval-suites/compas-recidivism";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitWait_AndLocal_GiveIdenticalMetricsAndReport()
    {
        var cli = await AdminAsync();

        var submitted = await cli.RunAsync("eval", "submit", "demo/compas-recidivism@4", "--suite", "compas-recidivism", "--wait", "--json");
        var local = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder, "--json");
        var id = submitted.Json.GetProperty("job").GetProperty("id").GetString()!;
        var statusText = await cli.RunAsync("eval", "status", id);
        var statusWide = await cli.RunAsync("eval", "status", id, "--wide");
        var localText = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder);

        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal("succeeded", submitted.Json.GetProperty("job").GetProperty("status").GetString());
        var hub = submitted.Json.GetProperty("result");
        var here = local.Json;
        foreach (var property in new[] { "suite", "suiteDigest", "evaluator", "modelSha256", "rows", "positives", "metrics", "fairness", "warnings" })
        {
            Assert.Equal(Compact(hub.GetProperty(property)), Compact(here.GetProperty(property)));
        }

        Assert.True(hub.GetProperty("metrics").GetArrayLength() >= 12);
        Assert.Equal(3, hub.GetProperty("fairness").GetArrayLength());
        Assert.True(statusText.ExitCode == 0, statusText.ToString());
        Assert.True(localText.ExitCode == 0, localText.ToString());
        Assert.Contains("\naccuracy                    0.", localText.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nBy race x sex\n", localText.Stdout, StringComparison.Ordinal);
        // The tables fit 100 columns; the warnings after them are prose.
        Assert.All(localText.Stdout.Split("\nwarnings:")[0].Split('\n'), line => Assert.True(line.Length <= 100, line));
        Assert.EndsWith(localText.Stdout, statusText.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^group +n +positives +selection rate +accuracy$", statusText.Stdout);
        Assert.Matches(@"(?m)^group +TPR +FPR +FNR$", statusText.Stdout);
        Assert.Matches(@"(?m)^group +n +positives +selection rate +TPR +FPR +FNR +accuracy$", statusWide.Stdout);
        Assert.Matches(@"(?m)^African-American +3,696 +1,901( +\d\.\d{4} \[\d\.\d{4}, \d\.\d{4}\]){5}$", statusWide.Stdout);
        Assert.Equal(string.Empty, localText.Stderr);
    }

    [Fact]
    public async Task Compare_DemoVersions_PrintsTheHeadlineRows_AndAllWithAll()
    {
        var cli = await AdminAsync();

        var headline = await cli.RunAsync("compare", "demo/compas-recidivism", "--versions", "1,2,3,4", "--suite", "compas-recidivism");
        var all = await cli.RunAsync("compare", "demo/compas-recidivism", "--versions", "1,2,3,4", "--suite", "compas-recidivism", "--all");
        var wide = await cli.RunAsync("compare", "demo/compas-recidivism", "--versions", "1,2,3,4", "--suite", "compas-recidivism", "--wide");
        var json = await cli.RunAsync("compare", "demo/compas-recidivism", "--versions", "1,4", "--suite", "compas-recidivism", "--baseline", "4", "--json");

        Assert.True(headline.ExitCode == 0, headline.ToString());
        Assert.Contains(
            "\n         v1 (baseline)     v2                  v3                  v4\n"
            + "                           Δ v2 − v1           Δ v3 − v1           Δ v4 − v1\n",
            headline.Stdout,
            StringComparison.Ordinal);
        Assert.Matches(@"\nrace: group\[African-American\]\.false_positive_rate\n  value  0\.\d{4} {12}0\.\d{4} {14}0\.\d{4} {14}0\.\d{4}\n", headline.Stdout);
        Assert.DoesNotContain("balanced_accuracy", headline.Stdout, StringComparison.Ordinal);
        Assert.All(headline.Stdout.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length}: {line}"));
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("balanced_accuracy", all.Stdout, StringComparison.Ordinal);
        Assert.All(all.Stdout.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length}: {line}"));
        // The notes under the comparison are prose, wrapped at spaces to the width.
        var allProse = all.Stdout.Replace('\n', ' ');
        Assert.Contains(" not compared: race: Native American (n = 18, below the minimum of 30: not reported); race x sex: Asian, Female (n = 2, below the minimum of 30: not reported);", allProse, StringComparison.Ordinal);
        Assert.DoesNotContain("group[Native American]", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("AIF360 metrics (aif360.*) count the favourable outcome ŷ = 0 (two_year_recid = 0: predicted not to be charged again within two years)", allProse, StringComparison.Ordinal);
        Assert.True(wide.ExitCode == 0, wide.ToString());
        var wideLines = wide.Stdout.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^metric +v1 \(baseline\) +v2 +Δ v2 − v1 +v3 +Δ v3 − v1 +v4 +Δ v4 − v1$", wideLines[2]);
        Assert.Equal(3 + 15 + 1, wideLines.Length);
        Assert.StartsWith("Fairlearn metrics and the group rates count the positive prediction ŷ = 1 (two_year_recid = 1). AIF360 metrics", wideLines[^1], StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(4, json.Json.GetProperty("baseline").GetInt32());
        Assert.Equal("[1,4]", Compact(json.Json.GetProperty("versions")));
    }

    [Fact]
    public async Task SuitesListAndShow_NameTheShippedSuites()
    {
        var cli = new GridCliRunner(silo.Silo.Url);

        var list = await cli.RunAsync("eval", "suites");
        var json = await cli.RunAsync("eval", "suites", "--json");
        var one = await cli.RunAsync("eval", "suites", "compas-recidivism");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(["adult-income", "compas-recidivism", "crows-pairs", "generation-cpu", "mnist-accuracy", "stories-choice", "throughput-cpu"], list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));
        Assert.Equal(7, json.Json.GetArrayLength());
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.StartsWith("compas-recidivism@1  bias, binary, auto  digest ", one.Stdout, StringComparison.Ordinal);
        Assert.Contains("compas-scores-two-years-nopii.csv", one.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndLogs_ShowTheDemoJob()
    {
        var cli = await AdminAsync();
        var submitted = await cli.RunAsync("eval", "submit", "demo/compas-recidivism@2", "--suite", "compas-recidivism", "--json");
        var id = submitted.Json.GetProperty("job").GetProperty("id").GetString()!;

        var list = await cli.RunAsync("eval", "list", "demo/compas-recidivism@2", "--status", "succeeded");
        var logs = await cli.RunAsync("eval", "logs", id);
        var text = await cli.RunAsync("eval", "submit", "demo/compas-recidivism@2", "--suite", "compas-recidivism");

        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        Assert.True(submitted.Json.GetProperty("deduplicated").GetBoolean());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches($@"^demo/compas-recidivism@2: \d+ job\(s\)\njob +version +suite +status +submitted\n(.+\n)*{id}        2  compas-recidivism  succeeded  \d{{4}}-", list.Stdout);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains("data: 7214 rows", logs.Stdout, StringComparison.Ordinal);
        Assert.Equal($"deduplicated {id}  demo/compas-recidivism@2 on compas-recidivism  succeeded\n", text.Stdout);
    }

    [Fact]
    public async Task Submit_UnknownSuite_NotFoundInOneLine()
    {
        var cli = await AdminAsync();

        var result = await cli.RunAsync("eval", "submit", "demo/compas-recidivism@4", "--suite", "no-such-suite");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: Suite not found: there is no suite 'no-such-suite'", OneLine(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Anonymous_Unauthorized()
    {
        var cli = new GridCliRunner(silo.Silo.Url);

        var result = await cli.RunAsync("eval", "submit", "demo/compas-recidivism@4", "--suite", "compas-recidivism");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("error: ", OneLine(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("evaluate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusWaitLogsCancel_UnknownJob_NotFound()
    {
        var cli = await AdminAsync();
        var unknown = Guid.NewGuid().ToString("D");

        foreach (var command in new[] { "status", "wait", "logs", "cancel" })
        {
            var result = await cli.RunAsync("eval", command, unknown);

            Assert.Equal(3, result.ExitCode);
            Assert.Equal($"error: Evaluation not found: there is no evaluation {unknown}", OneLine(result.Stderr));
        }
    }

    [Fact]
    public async Task Status_NotAJobId_UsageInOneLine()
    {
        var cli = new GridCliRunner(silo.Silo.Url);

        var result = await cli.RunAsync("eval", "status", "42");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: '42' is not a job id", OneLine(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_VersionWithoutResult_ConflictNamingTheSubmitCommand()
    {
        var cli = await AdminAsync();

        var result = await cli.RunAsync("compare", "demo/compas-recidivism", "--versions", "1,2", "--suite", "adult-income");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("grid eval submit demo/compas-recidivism@1 --suite adult-income", OneLine(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_ModelWhoseInputsDoNotMatchTheSuite_EvaluationFailedInOneLine()
    {
        var cli = LocalRunner();

        var result = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", "eval-suites/models/adult-income/v1/model.onnx", "--suite", SuiteFolder);

        Assert.Equal(9, result.ExitCode);
        Assert.StartsWith("error: evaluation failed: the model's input ", OneLine(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("compas-recidivism", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Local_OfflineWithoutMirror_NamesTheArtifactAndHowToProvideIt()
    {
        var cli = LocalRunner();
        cli.Environment["Grid__Artifacts__Mirrors__0"] = null;

        var result = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder);

        Assert.Equal(3, result.ExitCode);
        var line = OneLine(result.Stderr);
        Assert.StartsWith("error: artifact 'compas-scores-two-years-nopii.csv' (2,247,610 bytes, sha256 ", line, StringComparison.Ordinal);
        Assert.Contains("downloading is off (Grid__Artifacts__Offline=true)", line, StringComparison.Ordinal);
        Assert.Contains("set Grid__Artifacts__Mirrors__0 to a folder that holds compas-scores-two-years-nopii.csv", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_WithGridUrlAndGridTokenSetEmpty_NeedsNoHub()
    {
        var cli = LocalRunner();
        cli.Environment["GRID_URL"] = string.Empty;
        cli.Environment["GRID_TOKEN"] = string.Empty;

        var result = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("compas-recidivism", result.Json.GetProperty("suite").GetString());
    }

    [Fact]
    public async Task Local_Warnings_SummaryByDefaultAndTheWholeListWithTheFlag()
    {
        var cli = LocalRunner();

        var summary = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder);
        var all = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder, "--warnings");

        Assert.True(summary.ExitCode == 0, summary.ToString());
        Assert.Contains(
            "\nwarnings: 4 groups below the minimum size (not reported); 4 intervals from fewer replicates (the figure was undefined in some) (--warnings lists all 8)\n",
            summary.Stdout,
            StringComparison.Ordinal);
        Assert.Matches(@"\nAsian, Female +2 +1  n = 2, below the minimum of 30: not reported\n", summary.Stdout);
        Assert.Matches(@"\nAsian, Female +n = 2, below the minimum of 30: not reported\n", summary.Stdout);
        Assert.DoesNotContain("0.0000 [0.0000, 0.0000]", summary.Stdout, StringComparison.Ordinal);
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("\n- race x sex: The group 'Asian, Female': n = 2, below the minimum of 30: not reported, and kept out of the disparities.\n", all.Stdout, StringComparison.Ordinal);
        Assert.Equal(8, all.Stdout.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Local_SecondRun_ReadsTheVerifiedCacheWithoutMirrors()
    {
        var cli = LocalRunner();
        var first = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder, "--json");
        cli.Environment["Grid__Artifacts__Mirrors__0"] = null;

        var second = await cli.RunInAsync(TestPaths.RepositoryRoot, "eval", "--local", Model, "--suite", SuiteFolder, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(Compact(first.Json.GetProperty("metrics")), Compact(second.Json.GetProperty("metrics")));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(cli.Environment["GRID_CACHE"]!, "blobs", "sha256"), "*", SearchOption.AllDirectories));
    }

    private async Task<GridCliRunner> AdminAsync()
    {
        // The demo's jobs are the results these tests read; its summary line says they are all recorded.
        await silo.Silo.WaitForOutputAsync("evaluation jobs succeeded", TimeSpan.FromMinutes(3));
        var cli = LocalRunner();
        cli.Token = (await File.ReadAllTextAsync(silo.AdminTokenFile, Ct)).Trim();
        return cli;
    }

    private GridCliRunner LocalRunner()
    {
        var cli = new GridCliRunner(silo.Silo.Url);
        cli.Environment["Grid__Artifacts__Mirrors__0"] = TestArtifacts.MirrorFolder;
        cli.Environment["Grid__Artifacts__Offline"] = "true";
        cli.Environment["GRID_CACHE"] = TestPaths.NewTempFolder("artifact-cache");
        return cli;
    }

    private static string OneLine(string stderr) => Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
