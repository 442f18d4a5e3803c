using System.Runtime.Versioning;
using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli.Tests;

[Collection(ConfigHomeDefinition.Name)]
public sealed class CliSettingsTests : IDisposable
{
    private readonly ConfigHome _configHome = new();

    [Fact]
    public void FilePath_UnderXdgConfigHome()
    {
        Assert.Equal(Path.Combine(_configHome.Path, "modelgrid", "config.json"), CliSettings.FilePath);
    }

    [Fact]
    public void Load_NoFile_ReturnsEmptySettings()
    {
        Assert.Equal(new CliSettings(null, null), CliSettings.Load());
    }

    [Fact]
    public void Save_ThenLoad_RoundTrips()
    {
        var settings = new CliSettings("https://hub.example/", "mgt_0123456789abcdef_secret");

        settings.Save();

        Assert.Equal(settings, CliSettings.Load());
        Assert.False(File.Exists(CliSettings.FilePath + ".tmp"));
    }

    [Fact]
    public void Save_OverExistingFile_ReplacesIt()
    {
        new CliSettings("http://a/", "one").Save();

        new CliSettings("http://b/", null).Save();

        Assert.Equal(new CliSettings("http://b/", null), CliSettings.Load());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Save_OnUnix_FileIsOwnerReadWriteOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var path = Path.Combine(_configHome.Path, "modelgrid", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        new CliSettings("http://hub/", "secret").Save();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Load_InvalidJson_ThrowsCliExceptionNamingTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CliSettings.FilePath)!);
        File.WriteAllText(CliSettings.FilePath, "{ not json");

        var e = Assert.Throws<CliException>(CliSettings.Load);

        Assert.StartsWith($"the settings file '{CliSettings.FilePath}' is not valid JSON", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _configHome.Dispose();
}
