using ModelGrid.FunctionalTests.Processes;

namespace ModelGrid.FunctionalTests.Cli;

public sealed partial class CliEndToEndTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Push_WithoutTheRightToPublish_IsRefusedBeforeAnythingElse(bool sameContent)
    {
        var (alice, owner) = await PublisherAsync();
        var (mallory, other) = await PublisherAsync();
        var folder = NewModelFolder(("w.bin", 1000));
        var model = $"{owner}/guarded";
        Assert.Equal(0, (await alice.RunAsync("push", folder, model, "--create")).ExitCode);
        if (!sameContent)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "w.bin"), new byte[1000], TestContext.Current.CancellationToken);
        }

        var anonymous = await new GridCliRunner(silo.Silo.Url).RunAsync("push", folder, model);
        var foreign = await mallory.RunAsync("push", folder, model);
        var versions = await alice.RunAsync("version", "list", model, "--json");

        Assert.Equal(4, anonymous.ExitCode);
        Assert.Equal(string.Empty, anonymous.Stdout);
        Assert.Equal($"error: Authentication required: pushing to {model} needs a token with the publish scope for {owner}; give one with --token or GRID_TOKEN, or run 'grid login'\n", anonymous.Stderr);
        Assert.Equal(4, foreign.ExitCode);
        Assert.Equal(string.Empty, foreign.Stdout);
        Assert.Equal($"error: Forbidden: the token belongs to {other}; it may publish only there, not in {owner}\n", foreign.Stderr);
        Assert.Equal(1, versions.Json.GetArrayLength());
    }
}
