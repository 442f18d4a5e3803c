using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>Text a publisher wrote is shown, never obeyed: terminal control sequences come out visible.</summary>
public sealed partial class CliEndToEndTests
{
    private const string Hostile = "\u001b]0;pwned\u0007\u001b[2J";

    [Fact]
    public async Task HubText_WithTerminalControls_IsPrintedVisibly_AndJsonStaysExact()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = NewModelFolder(("w.bin", 100));
        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), $"---\nlicense: MIT\n---\n# Card{Hostile}\nsafe\rforged \u009b31mred \u202eevil\n", TestContext.Current.CancellationToken);
        var push = await cli.RunAsync("push", folder, $"{owner}/hostile", "--create", "--description", $"desc{Hostile}");
        Assert.True(push.ExitCode == 0, push.ToString());
        await File.WriteAllBytesAsync(Path.Combine(folder, "w.bin"), [1, 2, 3], TestContext.Current.CancellationToken);
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/hostile")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("version", "withdraw", $"{owner}/hostile@2", "--reason", $"gone{Hostile}")).ExitCode);

        var card = await cli.RunAsync("card", "show", $"{owner}/hostile@1");
        var show = await cli.RunAsync("model", "show", $"{owner}/hostile");
        var list = await cli.RunAsync("model", "list", "--owner", owner);
        var gone = await cli.RunAsync("pull", $"{owner}/hostile@2", TestPaths.NewTempFolder("gone"));
        var json = await cli.RunAsync("model", "show", $"{owner}/hostile", "--json");

        foreach (var output in new[] { card.Stdout, show.Stdout, list.Stdout, gone.Stderr })
        {
            Assert.DoesNotContain('\u001b', output);
            Assert.DoesNotContain('\u0007', output);
            Assert.DoesNotContain('\u009b', output);
            Assert.DoesNotContain('\u202e', output);
            Assert.DoesNotContain('\r', output);
        }

        Assert.Equal("---\nlicense: MIT\n---\n# Card\\x1b]0;pwned\\x07\\x1b[2J\nsafe\\x0dforged \\x9b31mred \\u202eevil\n", card.Stdout);
        Assert.Contains("  description: desc\\x1b]0;pwned\\x07\\x1b[2J\n", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("pwned", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("gone\\x1b]0;pwned\\x07\\x1b[2J", gone.Stderr, StringComparison.Ordinal);
        Assert.Equal($"desc{Hostile}", json.Json.GetProperty("description").GetString());
    }
}
