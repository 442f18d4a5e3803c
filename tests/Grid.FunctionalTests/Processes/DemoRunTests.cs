using System.Text.RegularExpressions;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The README's run command with <c>--exit-after-demo</c> and its default log settings: the real silo prints its
/// banner, publishes the demo language model and the sample models, runs every suite on its worker saying so job by
/// job, prints the MNIST accuracy, the language model's headline figures and the cross-version comparisons, and exits
/// 0; run again on the same data folder it reuses every version and result and says so.
/// </summary>
public sealed partial class DemoRunTests
{
    // The run command's own log level and garbage collector, not the detailed log and smaller heap SiloProcess gives
    // other tests (Orleans warns about workstation GC).
    private static readonly Dictionary<string, string?> DefaultLogging = new() { ["Logging__LogLevel__Default"] = null, ["DOTNET_gcServer"] = null };

    [Fact]
    public async Task RunCommand_ExitAfterDemo_RunsEverySuite_PrintsTheComparisons_AndASecondRunReusesEverything()
    {
        var data = TestPaths.NewTempFolder("demo-run");

        var (exit, stdout, stderr) = await SiloProcess.RunToExitAsync(data, ["--exit-after-demo"], TimeSpan.FromMinutes(5), DefaultLogging);

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        var lines = stdout.Split('\n');
        var summary = Array.IndexOf(lines, "=== ModelGrid evaluation demo ===");
        Assert.True(summary > 0, stdout);
        Assert.Matches(@"^ModelGrid is listening on http://127\.0\.0\.1:\d+ \(Ctrl\+C stops it\)$", lines[0]);
        Assert.Equal($"  data folder:  {data}", lines[1]);
        Assert.Equal($"  admin token:  {Path.Combine(data, "admin-token")} (written now, mode 0600)", lines[2]);
        Assert.Equal("  roles:        api, worker", lines[3]);
        Assert.StartsWith("  worker:       ", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("  logs:         Warning and above (--verbose for more; ", lines[5], StringComparison.Ordinal);
        Assert.Matches(@"^  pages:        http://127\.0\.0\.1:\d+/ \(models, evaluations and leaderboards in a browser\)$", lines[6]);
        Assert.Equal("Demo model demo/mnist@1 published (mnist.onnx from the mirror file " + Path.Combine(TestArtifacts.MirrorFolder, "mnist.onnx") + ")", lines[7]);
        Assert.Equal($"Demo model demo/stories260k@1 published (stories260K_kv.onnx, tok512.model from the mirror folder {TestArtifacts.MirrorFolder})", lines[8]);
        Assert.Equal("Demo: sample models demo/adult-income@1..3, demo/compas-recidivism@1..4 are published", lines[9]);
        Assert.Equal("Demo: 12 evaluation jobs submitted to the local worker; waiting for them", lines[10]);
        for (var n = 1; n <= 12; n++)
        {
            Assert.Matches($@"^  \[{n}/12\] demo/[a-z0-9-]+@\d on [a-z-]+: succeeded$", lines[10 + n]);
        }

        Assert.Equal(3, lines[11..23].Count(l => l.Contains(" demo/stories260k@1 on ", StringComparison.Ordinal)));
        Assert.Equal(string.Empty, lines[23]);
        Assert.Equal(24, summary);
        Assert.All(lines[summary..], l => Assert.True(l.Length <= 120, l));
        Assert.DoesNotContain(lines, l => LogLine().IsMatch(l));
        Assert.True(Regex.Count(stdout, "CUDA is not available") <= 1, stdout);
        Assert.Contains("MNIST accuracy of demo/mnist@1 on mnist-accuracy: 0.9891 [", stdout, StringComparison.Ordinal);
        Assert.Contains("demo/adult-income, versions 1, 2, 3 on adult-income:", stdout, StringComparison.Ordinal);
        Assert.Contains("demo/compas-recidivism, versions 1, 2, 3, 4 on compas-recidivism:", stdout, StringComparison.Ordinal);
        Assert.Contains("race: group[African-American].false_positive_rate", stdout, StringComparison.Ordinal);
        var mnistLine = Array.FindIndex(lines, l => l.StartsWith("MNIST accuracy of ", StringComparison.Ordinal));
        var language = lines[(mnistLine + 1)..(mnistLine + 6)];
        Assert.Equal(string.Empty, language[0]);
        Assert.Equal("demo/stories260k@1, 260K parameters trained on children's stories only (a fixture, not a benchmark):", language[1]);
        Assert.Equal("  stories-choice  acc 0.7750 [0.6500, 0.9000], acc_norm 0.8500 [0.7250, 0.9500] (40 items)", language[2]);
        Assert.Equal("  crows-pairs     pct_stereotype 0.3999 [0.3766, 0.4237] (1,508 pairs scored; 0.5 is no preference)", language[3]);
        Assert.Matches(@"^  generation-cpu  decode \d+ tokens/s, first token \d+\.\d{3} ms \(batch 1, 1 thread; the card has the rest\)$", language[4]);
        Assert.Contains("12 of 12 evaluation jobs succeeded. Cards: ./grid card show demo/compas-recidivism@4 (or demo/stories260k@1)\n", stdout, StringComparison.Ordinal);
        // The comparison fits 100 columns: under each metric's heading, the versions' values side by side.
        Assert.Equal(
            "  value  0.2618            0.2535              0.1733              0.4485",
            stdout.Split('\n').SkipWhile(l => l != "race: group[African-American].false_positive_rate").ElementAt(1));
        var compas = stdout[stdout.IndexOf("demo/compas-recidivism, versions", StringComparison.Ordinal)..stdout.IndexOf("12 of 12 evaluation jobs", StringComparison.Ordinal)];
        Assert.All(compas.Split('\n'), l => Assert.True(l.Length <= 100, l));
        foreach (var (model, versions) in new[] { ("adult-income", 3), ("compas-recidivism", 4), ("mnist", 1), ("stories260k", 1) })
        {
            for (var v = 1; v <= versions; v++)
            {
                var cards = Directory.GetFiles(Path.Combine(data, "cards", "demo", model, v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.True(cards.Length >= 2, $"demo/{model}@{v} has {cards.Length} card revision(s)");
            }
        }

        var throughput = File.ReadAllText(Directory.GetFiles(Path.Combine(data, "cards", "demo", "mnist", "1")).Order(StringComparer.Ordinal).Last());
        Assert.Contains("| 1 | 1 | ", throughput, StringComparison.Ordinal);
        Assert.Contains("| 1 | 8 | not supported (fixed batch dimension 1) |", throughput, StringComparison.Ordinal);

        // The language model's card: its own r1, then one revision per suite, the last holding all three results.
        var storiesCards = Directory.GetFiles(Path.Combine(data, "cards", "demo", "stories260k", "1")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["r1.md", "r2.md", "r3.md", "r4.md"], storiesCards.Select(Path.GetFileName));
        var storiesCard = File.ReadAllText(storiesCards[^1]);
        Assert.Contains("| all | 0.7750 [0.6500, 0.9000] | 0.8500 [0.7250, 0.9500] |", storiesCard, StringComparison.Ordinal);
        Assert.Contains("| all | 0.3999 [0.3766, 0.4237] |", storiesCard, StringComparison.Ordinal);
        Assert.Contains("| 1 | 1 | ", storiesCard, StringComparison.Ordinal);
        Assert.DoesNotContain("No results are recorded", storiesCard, StringComparison.Ordinal);

        var results = Directory.GetFiles(Path.Combine(data, "results"), "*.json", SearchOption.AllDirectories).Length;
        var openness = OpennessRecords(data);
        Assert.Equal(
            ["demo/adult-income/1/r1.json", "demo/adult-income/2/r1.json", "demo/adult-income/3/r1.json", "demo/compas-recidivism/1/r1.json",
             "demo/compas-recidivism/2/r1.json", "demo/compas-recidivism/3/r1.json", "demo/compas-recidivism/4/r1.json", "mot/granite-4.1/1/r1.json",
             "mot/llama-3.1-8b/1/r1.json", "mot/polyglot-ko/1/r1.json", "mot/pythia-70m/1/r1.json"],
            openness);
        var (again, secondOut, secondErr) = await SiloProcess.RunToExitAsync(data, ["--exit-after-demo"], TimeSpan.FromMinutes(5), DefaultLogging);

        Assert.True(again == 0, $"exit {again}: {secondOut}{secondErr}");
        var second = secondOut.Split('\n');
        Assert.Equal($"  admin token:  {Path.Combine(data, "admin-token")} (from an earlier start)", second[2]);
        Assert.Equal("Demo model demo/mnist@1 is up to date", second[6]);
        Assert.Equal("Demo model demo/stories260k@1 is up to date", second[7]);
        Assert.Equal("Demo: 12 evaluation results reused from the data folder", second[9]);
        Assert.Equal(string.Empty, second[10]);
        Assert.Equal("=== ModelGrid evaluation demo ===", second[11]);
        Assert.Contains(string.Join('\n', language), secondOut, StringComparison.Ordinal);
        Assert.Contains("12 of 12 evaluation jobs succeeded.", secondOut, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted", secondOut, StringComparison.Ordinal);
        Assert.DoesNotContain(second, l => LogLine().IsMatch(l));
        Assert.Equal(results, Directory.GetFiles(Path.Combine(data, "results"), "*.json", SearchOption.AllDirectories).Length);
        Assert.Equal(openness, OpennessRecords(data));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task RunCommand_MirrorWithoutTheLanguageModel_RunsEverythingElseAndNamesItsTwoFilesOnce()
    {
        var data = TestPaths.NewTempFolder("demo-no-lm");
        var mirror = TestPaths.NewTempFolder("mirror-no-lm");
        string[] languageModel = ["stories260K.onnx", "stories260K_kv.onnx", "tok512.model"];
        foreach (var file in Directory.GetFiles(TestArtifacts.MirrorFolder).Where(f => !languageModel.Contains(Path.GetFileName(f)) && !Path.GetFileName(f).StartsWith('.')))
        {
            File.Copy(file, Path.Combine(mirror, Path.GetFileName(file)));
        }

        var (exit, stdout, stderr) = await SiloProcess.RunToExitAsync(
            data, ["--exit-after-demo"], TimeSpan.FromMinutes(5), new Dictionary<string, string?>(DefaultLogging) { ["Grid__Artifacts__Mirrors__0"] = mirror });

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        var lines = stdout.Split('\n');
        Assert.Equal("Demo model demo/stories260k not published: its weights are missing (the demo's summary says how to provide them)", lines[7]);
        Assert.Equal("Demo: 9 evaluation jobs submitted to the local worker; waiting for them", lines[10]);
        Assert.DoesNotContain("demo/stories260k@", stdout, StringComparison.Ordinal);
        Assert.Contains("MNIST accuracy of demo/mnist@1 on mnist-accuracy: 0.9891 [", stdout, StringComparison.Ordinal);
        Assert.Contains("demo/compas-recidivism, versions 1, 2, 3, 4 on compas-recidivism:", stdout, StringComparison.Ordinal);
        foreach (var artifact in new[] { "stories260K_kv.onnx", "tok512.model" })
        {
            Assert.True(Regex.Count(stdout, Regex.Escape(artifact)) == 1, $"{artifact} is not named exactly once:\n{stdout}");
        }

        Assert.EndsWith(
            $"""
            9 of 9 evaluation jobs succeeded. Cards: ./grid card show demo/compas-recidivism@4
            Compare: ./grid compare demo/compas-recidivism --versions 1,2,3,4 --suite compas-recidivism

            The demo could not get 2 artifacts it needs: no public source serves them and the mirror folders ({mirror}) do not hold them.
              stories260K_kv.onnx  1,091,409 bytes  for the demo model demo/stories260k; mirror only: no public source
              tok512.model             7,986 bytes  for the demo model demo/stories260k; mirror only: no public source
            Provide them in one of two ways, then start the silo again; the demo runs what could not run:
              - a folder that holds them (searched a few levels deep; size and SHA-256 are verified):
                  Grid__Artifacts__Mirrors__0=/path/to/folder dotnet run --project src/Silo -c Release
              - while the silo runs, import them with the admin token: ./grid artifacts import <folder>

            """,
            stdout,
            StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
        Directory.Delete(mirror, recursive: true);
    }

    /// <summary>The openness record revisions in the data folder, as paths under <c>openness/</c>.</summary>
    private static List<string> OpennessRecords(string data) =>
        [.. Directory.GetFiles(Path.Combine(data, "openness"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(data, "openness"), f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>A line of the log format: time, level and category (<c>04:35:23 info: Microsoft.Hosting.Lifetime[14] …</c>).</summary>
    [GeneratedRegex(@"^(\d\d:\d\d:\d\d )?(trce|dbug|info|warn|fail|crit): [\w.]+\[\d+\]")]
    private static partial Regex LogLine();
}
