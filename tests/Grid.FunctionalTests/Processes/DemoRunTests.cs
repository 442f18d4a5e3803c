using System.Text.RegularExpressions;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The README's run command with <c>--exit-after-demo</c> and its default log settings: the real silo prints its
/// banner, publishes the sample models, runs every suite on its worker saying so job by job, prints the MNIST accuracy
/// and the cross-version comparisons, and exits 0; run again on the same data folder it reuses every version and
/// result and says so.
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
        Assert.Equal("Demo model demo/mnist@1 published (mnist.onnx from the mirror file " + Path.Combine(TestArtifacts.MirrorFolder, "mnist.onnx") + ")", lines[6]);
        Assert.Equal("Demo: sample models demo/adult-income@1..3, demo/compas-recidivism@1..4 are published", lines[7]);
        Assert.Equal("Demo: 9 evaluation jobs submitted to the local worker; waiting for them", lines[8]);
        for (var n = 1; n <= 9; n++)
        {
            Assert.Matches($@"^  \[{n}/9\] demo/[a-z-]+@\d on [a-z-]+: succeeded$", lines[8 + n]);
        }

        Assert.Equal(string.Empty, lines[18]);
        Assert.Equal(19, summary);
        Assert.DoesNotContain(lines, l => LogLine().IsMatch(l));
        Assert.True(Regex.Count(stdout, "CUDA is not available") <= 1, stdout);
        Assert.Contains("MNIST accuracy of demo/mnist@1 on mnist-accuracy: 0.9891 [", stdout, StringComparison.Ordinal);
        Assert.Contains("demo/adult-income, versions 1, 2, 3 on adult-income:", stdout, StringComparison.Ordinal);
        Assert.Contains("demo/compas-recidivism, versions 1, 2, 3, 4 on compas-recidivism:", stdout, StringComparison.Ordinal);
        Assert.Contains("race: group[African-American].false_positive_rate", stdout, StringComparison.Ordinal);
        Assert.Contains("9 of 9 evaluation jobs succeeded.", stdout, StringComparison.Ordinal);
        // The comparison fits 100 columns: under each metric's heading, the versions' values side by side.
        Assert.Equal(
            "  value  0.2618            0.2535              0.1733              0.4485",
            stdout.Split('\n').SkipWhile(l => l != "race: group[African-American].false_positive_rate").ElementAt(1));
        var compas = stdout[stdout.IndexOf("demo/compas-recidivism, versions", StringComparison.Ordinal)..stdout.IndexOf("9 of 9 evaluation jobs", StringComparison.Ordinal)];
        Assert.All(compas.Split('\n'), l => Assert.True(l.Length <= 100, l));
        foreach (var (model, versions) in new[] { ("adult-income", 3), ("compas-recidivism", 4), ("mnist", 1) })
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
        Assert.Equal("Demo: 9 evaluation results reused from the data folder", second[8]);
        Assert.Equal(string.Empty, second[9]);
        Assert.Equal("=== ModelGrid evaluation demo ===", second[10]);
        Assert.Contains("9 of 9 evaluation jobs succeeded.", secondOut, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted", secondOut, StringComparison.Ordinal);
        Assert.DoesNotContain(second, l => LogLine().IsMatch(l));
        Assert.Equal(results, Directory.GetFiles(Path.Combine(data, "results"), "*.json", SearchOption.AllDirectories).Length);
        Assert.Equal(openness, OpennessRecords(data));
        Directory.Delete(data, recursive: true);
    }

    /// <summary>The openness record revisions in the data folder, as paths under <c>openness/</c>.</summary>
    private static List<string> OpennessRecords(string data) =>
        [.. Directory.GetFiles(Path.Combine(data, "openness"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(data, "openness"), f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>A line of the log format: time, level and category (<c>04:35:23 info: Microsoft.Hosting.Lifetime[14] …</c>).</summary>
    [GeneratedRegex(@"^(\d\d:\d\d:\d\d )?(trce|dbug|info|warn|fail|crit): [\w.]+\[\d+\]")]
    private static partial Regex LogLine();
}
