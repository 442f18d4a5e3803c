using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Artifacts;

public sealed class TestArtifactSettingsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "checkout", "grid");

    [Fact]
    public void From_NothingSet_SharedBesideTheCheckoutUserCacheAndOnline()
    {
        var settings = TestArtifactSettings.From(new Dictionary<string, string?> { ["HOME"] = "/users/ada" }, Root);

        Assert.Equal(Path.Combine(Path.GetTempPath(), "checkout", "shared"), settings.SharedFolder);
        Assert.False(settings.SharedFolderVariable);
        Assert.Equal([Path.Combine(settings.SharedFolder, "datasets"), Path.Combine(settings.SharedFolder, "models"), Path.Combine(settings.SharedFolder, "mot")], settings.Mirrors);
        Assert.Equal("/users/ada/.cache/modelgrid/test-artifacts", settings.CacheFolder);
        Assert.False(settings.Offline);
    }

    [Fact]
    public void From_VariablesSet_TheirFoldersAndXdgCacheHome()
    {
        var withShared = TestArtifactSettings.From(
            new Dictionary<string, string?> { ["GRID_TEST_SHARED"] = "/data/shared", ["XDG_CACHE_HOME"] = "/var/cache/ada", ["HOME"] = "/users/ada" },
            Root);
        var withCache = TestArtifactSettings.From(
            new Dictionary<string, string?> { ["GRID_TEST_CACHE"] = "/var/grid-cache", ["XDG_CACHE_HOME"] = "/var/cache/ada", ["GRID_TEST_SHARED"] = "" },
            Root);

        Assert.Equal("/data/shared", withShared.SharedFolder);
        Assert.True(withShared.SharedFolderVariable);
        Assert.Equal("/var/cache/ada/modelgrid/test-artifacts", withShared.CacheFolder);
        Assert.Equal("/var/grid-cache", withCache.CacheFolder);
        Assert.False(withCache.SharedFolderVariable);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("true", null, "CI=true")]
    [InlineData("1", null, "CI=1")]
    [InlineData("false", null, null)]
    [InlineData(null, "1", "GRID_TEST_OFFLINE=1")]
    [InlineData(null, "true", "GRID_TEST_OFFLINE=true")]
    [InlineData("true", "0", null)]
    [InlineData("true", "false", null)]
    [InlineData("false", "1", "GRID_TEST_OFFLINE=1")]
    public void From_CiAndOfflineVariables_DownloadingOffOnlyWhenOneSaysSo(string? ci, string? offline, string? expected)
    {
        var settings = TestArtifactSettings.From(new Dictionary<string, string?> { ["CI"] = ci, ["GRID_TEST_OFFLINE"] = offline, ["HOME"] = "/h" }, Root);

        Assert.Equal(expected, settings.OfflineBecause);
        Assert.Equal(expected is not null, settings.Offline);
    }

    [Fact]
    public void Readme_NextToTheTestCommand_SaysWhatItNeedsAndEveryVariableTheTestsRead()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var command = readme.IndexOf("dotnet test Grid.sln -c Release\n```\n", StringComparison.Ordinal);
        var paragraph = readme[command..readme.IndexOf("\n\n", command + 40, StringComparison.Ordinal)];

        Assert.Contains(".NET 10 SDK", paragraph, StringComparison.Ordinal);
        Assert.Contains("Node.js with npm", paragraph, StringComparison.Ordinal);
        Assert.Contains("`shared/` beside the checkout", paragraph, StringComparison.Ordinal);
        Assert.Contains("~/.cache/modelgrid/test-artifacts", paragraph, StringComparison.Ordinal);
        foreach (var variable in new[] { "GRID_TEST_SHARED=", "GRID_TEST_CACHE", "GRID_TEST_OFFLINE=1", "`CI`", "$XDG_CACHE_HOME" })
        {
            Assert.Contains(variable, paragraph, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void From_OfflineNeitherOnNorOff_SaysWhatToUse()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TestArtifactSettings.From(new Dictionary<string, string?> { ["GRID_TEST_OFFLINE"] = "yes", ["HOME"] = "/h" }, Root));

        Assert.Equal("GRID_TEST_OFFLINE is 'yes'; use 1 (never download) or 0 (download what the mirrors lack)", error.Message);
    }
}
