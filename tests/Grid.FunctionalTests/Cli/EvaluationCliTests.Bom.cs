using System.Text.Json.Nodes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary><c>grid bom</c> against the demo's evaluated COMPAS version.</summary>
public sealed partial class EvaluationCliTests
{
    [Fact]
    public async Task Bom_DemoCompasVersion_WritesTheBomTheHubServes_AndFailsInOneLine()
    {
        var cli = await AdminAsync();
        var file = Path.Combine(TestPaths.NewTempFolder("bom"), "compas.cdx.json");

        var written = await cli.RunAsync("bom", "demo/compas-recidivism@4", "-o", file);
        var printed = await cli.RunAsync("bom", "demo/compas-recidivism@4");
        var missing = await cli.RunAsync("bom", "demo/compas-recidivism@99");
        var badRef = await cli.RunAsync("bom", "demo/compas-recidivism@-x");

        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.StartsWith($"wrote {file}: the bill of materials of demo/compas-recidivism@4 (", written.Stdout, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(file, Ct);
        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal(text, printed.Stdout);
        Assert.Empty(CycloneDxSchema.Validate(text));
        var component = JsonNode.Parse(text)!["metadata"]!["component"]!;
        Assert.Equal("demo/compas-recidivism", (string?)component["name"]);
        Assert.Contains(component["modelCard"]!["quantitativeAnalysis"]!["performanceMetrics"]!.AsArray(), m => (string?)m!["type"] == "accuracy" && (string?)m["slice"] == "compas-recidivism@1");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.StartsWith("error: Version not found: ", OneLine(missing.Stderr), StringComparison.Ordinal);
        Assert.NotEqual(0, badRef.ExitCode);
        Assert.StartsWith("error: ", OneLine(badRef.Stderr), StringComparison.Ordinal);
    }
}
