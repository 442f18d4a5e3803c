using ModelGrid.Client.Cli.Evaluation;
using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli.Tests.Evaluation;

public sealed class LocalArtifactSettingsTests
{
    // Folders under the system's temporary folder: the settings are only read, nothing is created there.
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "grid-settings-test");

    private static string At(params string[] parts) => Path.Combine([Root, .. parts]);
    [Fact]
    public void From_SiloKeys_MirrorsInIndexOrderOfflineAndSource()
    {
        var settings = LocalArtifactSettings.From(new Dictionary<string, string?>
        {
            ["Grid__Artifacts__Mirrors__10"] = At("c"),
            ["Grid__Artifacts__Mirrors__0"] = At("a"),
            ["grid__artifacts__mirrors__2"] = At("b"),
            ["Grid__Artifacts__Mirrors__x"] = At("ignored"),
            ["Grid__Artifacts__Offline"] = "True",
            ["Grid__Artifacts__SourceBaseUrl"] = "http://127.0.0.1:9/",
            ["GRID_CACHE"] = At("grid-cache"),
        });

        Assert.Equal([At("a"), At("b"), At("c")], settings.Mirrors);
        Assert.True(settings.Offline);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), settings.SourceBaseUrl);
        Assert.Equal(At("grid-cache"), settings.CacheFolder);
        var options = settings.ToOptions();
        Assert.Equal([At("a"), At("b"), At("c")], options.Mirrors);
        Assert.True(options.Offline);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.SourceBaseUrl);
    }

    [Fact]
    public void From_NothingSet_OnlineNoMirrorsAndTheDefaultSource()
    {
        var settings = LocalArtifactSettings.From(new Dictionary<string, string?> { ["HOME"] = At("home", "u") });

        Assert.Empty(settings.Mirrors);
        Assert.False(settings.Offline);
        Assert.Null(settings.SourceBaseUrl);
        Assert.Equal(new Uri("https://raw.githubusercontent.com/"), settings.ToOptions().SourceBaseUrl);
        Assert.Equal(At("home", "u", ".cache", "modelgrid", "artifacts"), settings.CacheFolder);
    }

    [Fact]
    public void From_XdgCacheHome_CacheBelowIt()
    {
        var settings = LocalArtifactSettings.From(new Dictionary<string, string?> { ["HOME"] = At("home", "u"), ["XDG_CACHE_HOME"] = At("cache", "u") });

        Assert.Equal(At("cache", "u", "modelgrid", "artifacts"), settings.CacheFolder);
    }

    [Theory]
    [InlineData("Grid__Artifacts__Offline", "yes", "Grid__Artifacts__Offline is 'yes'; use true or false")]
    [InlineData("Grid__Artifacts__SourceBaseUrl", "not a url", "Grid__Artifacts__SourceBaseUrl 'not a url' is not an absolute address")]
    public void From_BadValue_UsageErrorNamingTheKey(string key, string value, string message)
    {
        var e = Assert.Throws<CliException>(() => LocalArtifactSettings.From(new Dictionary<string, string?> { [key] = value }));

        Assert.Equal(message, e.Message);
    }
}
