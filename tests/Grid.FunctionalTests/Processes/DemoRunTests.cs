using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The README's run command with <c>--exit-after-demo</c>: the real silo publishes the sample models, runs every suite
/// on its worker, prints the MNIST accuracy and the cross-version comparisons, and exits 0; run again on the same data
/// folder it reuses every version and result.
/// </summary>
public sealed class DemoRunTests
{
    [Fact]
    public async Task RunCommand_ExitAfterDemo_RunsEverySuite_PrintsTheComparisons_AndASecondRunReusesEverything()
    {
        var data = TestPaths.NewTempFolder("demo-run");

        var (exit, stdout, stderr) = await SiloProcess.RunToExitAsync(data, ["--exit-after-demo"], TimeSpan.FromMinutes(5));

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
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
        var (again, secondOut, secondErr) = await SiloProcess.RunToExitAsync(data, ["--exit-after-demo"], TimeSpan.FromMinutes(5));

        Assert.True(again == 0, $"exit {again}: {secondOut}{secondErr}");
        Assert.Contains("9 of 9 evaluation jobs succeeded.", secondOut, StringComparison.Ordinal);
        Assert.DoesNotContain("leased", secondOut, StringComparison.Ordinal);
        Assert.Equal(results, Directory.GetFiles(Path.Combine(data, "results"), "*.json", SearchOption.AllDirectories).Length);
        Directory.Delete(data, recursive: true);
    }
}
