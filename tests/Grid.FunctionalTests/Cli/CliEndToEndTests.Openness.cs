using ModelGrid.Openness;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

public sealed partial class CliEndToEndTests
{
    [Fact]
    public async Task Openness_ImportShowExport_ClassAndMissingAndMotYamlBack()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("model.bin", 100));
        var mot = Path.Combine(TestArtifacts.SharedPath("mot/models"), "Granite-4-1.yml");
        var exported = Path.Combine(TestPaths.NewTempFolder("openness"), "granite.yml");
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/granite", "--create")).ExitCode);

        var import = await cli.RunAsync("openness", "import", mot, $"{owner}/granite@1");
        var show = await cli.RunAsync("openness", "show", $"{owner}/granite");
        var export = await cli.RunAsync("openness", "export", $"{owner}/granite@1", exported);
        var missing = await cli.RunAsync("openness", "import", mot + ".absent", $"{owner}/granite@1");
        var bad = await cli.RunAsync("openness", "import", Path.Combine(TestArtifacts.SharedPath("mot/schema"), "mof_schema.json"), $"{owner}/granite@1");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.StartsWith($"{owner}/granite@1  Class III - Open Model  (record r1 by ", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("progress: Class III 100%, Class II 60%, Class I 0%\nmissing for Class II - Open Tooling Model:\n  Training code: not included\n", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Model card", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("claimed", show.Stdout, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal(MotYaml.Write(MotYaml.Read(await File.ReadAllTextAsync(mot, TestContext.Current.CancellationToken))), await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken));
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith($"error: cannot read {mot}.absent: ", missing.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: Invalid request: the openness record is not accepted: ", bad.Stderr, StringComparison.Ordinal);
        Assert.Single(bad.Stderr.TrimEnd('\n').Split('\n'));
    }
}
