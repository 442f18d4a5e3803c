using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGrid.FunctionalTests.Processes;

namespace ModelGrid.FunctionalTests.Cli;

public sealed partial class CliEndToEndTests
{
    [Theory]
    [InlineData("80")]
    [InlineData(null)]
    public async Task PipedTables_WithOrWithoutColumns_NeverSplitADigestOrAnAddress(string? columns)
    {
        var cli = new GridCliRunner(silo.Silo.Url);
        cli.Environment["COLUMNS"] = columns;
        foreach (var command in new[]
        {
            new[] { "version", "show", "demo/mnist" },
            ["version", "list", "demo/mnist", "--wide"],
            ["card", "history", "demo/mnist@1", "--wide"],
            ["artifacts", "list", "--wide"],
        })
        {
            var text = await cli.RunAsync(command);
            var json = await cli.RunAsync([.. command, "--json"]);
            Assert.True(text.ExitCode == 0, text.ToString());
            var values = Strings(json.Json).Where(s => Regex.IsMatch(s, "^[0-9a-f]{64}$") || s.StartsWith("https://", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(values);
            Assert.All(values, value => Assert.Contains(value, text.Stdout, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Wide_ShowsEveryColumn_TheDefaultTheHeadlineOnes()
    {
        var cli = new GridCliRunner(silo.Silo.Url);

        var artifacts = await cli.RunAsync("artifacts", "list");
        var allArtifacts = await cli.RunAsync("artifacts", "list", "--wide");
        var models = await cli.RunAsync("model", "list");
        var allModels = await cli.RunAsync("model", "list", "--wide");

        Assert.Equal("artifact  bytes  sha256  licence  stored", Header(artifacts.Stdout));
        Assert.Equal("artifact  bytes  sha256  licence  stored  source", Header(allArtifacts.Stdout));
        Assert.Contains("https://raw.githubusercontent.com/", allArtifacts.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", artifacts.Stdout, StringComparison.Ordinal);
        Assert.Equal("model  latest  task  licence  description", Header(models.Stdout));
        Assert.Equal("model  latest  versions  task  licence  visibility  tags  updated  description", Header(allModels.Stdout));
    }

    [Fact]
    public async Task ModelList_Piped_WrapsADescriptionToColumnsAndOnlyWhenItIsSet()
    {
        var cli = new GridCliRunner(silo.Silo.Url);

        cli.Environment["COLUMNS"] = null;
        var unwrapped = await cli.RunAsync("model", "list", "--owner", "demo", "--search", "Handwritten");
        cli.Environment["COLUMNS"] = "90";
        var wrapped = await cli.RunAsync("model", "list", "--owner", "demo", "--search", "Handwritten");
        var json = await cli.RunAsync("model", "list", "--owner", "demo", "--search", "Handwritten", "--json");

        Assert.True(wrapped.ExitCode == 0, wrapped.ToString());
        var model = Assert.Single(json.Json.GetProperty("items").EnumerateArray());
        var unwrappedLines = unwrapped.Stdout.TrimEnd('\n').Split('\n');
        var wrappedLines = wrapped.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(["page 1 of 1 (1 model(s))"], unwrappedLines[2..]);
        Assert.True(unwrappedLines[1].Length > 90, unwrapped.Stdout);
        Assert.Equal("page 1 of 1 (1 model(s))", wrappedLines[^1]);
        Assert.True(wrappedLines.Length > 4, wrapped.Stdout);
        Assert.All(wrappedLines, l => Assert.True(l.Length <= 90, $"{l.Length}: {l}"));

        // The description, its lines joined again, is whole: it broke only at spaces.
        var column = wrappedLines[0].IndexOf("description", StringComparison.Ordinal);
        Assert.Equal(model.GetProperty("description").GetString(), string.Join(' ', wrappedLines[1..^1].Select(l => l[column..])));
    }

    /// <summary>The first line's column names, one space apart.</summary>
    private static string Header(string text) => string.Join("  ", text.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
