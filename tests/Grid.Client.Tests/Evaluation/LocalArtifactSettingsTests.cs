using ModelGrid.Client.Evaluation;
using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Tests.Evaluation;

public sealed class LocalArtifactSettingsTests
{
    [Fact]
    public void From_SiloKeys_MirrorsInIndexOrderOfflineAndSource()
    {
        var settings = LocalArtifactSettings.From(new Dictionary<string, string?>
        {
            ["Grid__Artifacts__Mirrors__10"] = "/c",
            ["Grid__Artifacts__Mirrors__0"] = "/a",
            ["grid__artifacts__mirrors__2"] = "/b",
            ["Grid__Artifacts__Mirrors__x"] = "/ignored",
            ["Grid__Artifacts__Offline"] = "True",
            ["Grid__Artifacts__SourceBaseUrl"] = "http://127.0.0.1:9/",
            ["GRID_CACHE"] = "/tmp/grid-cache",
        });

        Assert.Equal(["/a", "/b", "/c"], settings.Mirrors);
        Assert.True(settings.Offline);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), settings.SourceBaseUrl);
        Assert.Equal("/tmp/grid-cache", settings.CacheFolder);
        var options = settings.ToOptions();
        Assert.Equal(["/a", "/b", "/c"], options.Mirrors);
        Assert.True(options.Offline);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.SourceBaseUrl);
    }

    [Fact]
    public void From_NothingSet_OnlineNoMirrorsAndTheDefaultSource()
    {
        var settings = LocalArtifactSettings.From(new Dictionary<string, string?> { ["HOME"] = "/home/u" });

        Assert.Empty(settings.Mirrors);
        Assert.False(settings.Offline);
        Assert.Null(settings.SourceBaseUrl);
        Assert.Equal(new Uri("https://raw.githubusercontent.com/"), settings.ToOptions().SourceBaseUrl);
        Assert.Equal("/home/u/.cache/modelgrid/artifacts", settings.CacheFolder);
    }

    [Fact]
    public void From_XdgCacheHome_CacheBelowIt()
    {
        var settings = LocalArtifactSettings.From(new Dictionary<string, string?> { ["HOME"] = "/home/u", ["XDG_CACHE_HOME"] = "/var/cache/u" });

        Assert.Equal("/var/cache/u/modelgrid/artifacts", settings.CacheFolder);
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
