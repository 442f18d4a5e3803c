using System.Collections;
using System.Globalization;
using ModelGrid.Client.Transfer;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Client.Cli.Evaluation;

/// <summary>
/// Where <c>grid eval --local</c> finds suite data: the silo's <c>Grid__Artifacts__*</c> keys (mirror folders,
/// offline, source base address) read from the environment, and the local cache folder (<c>GRID_CACHE</c>, else
/// <c>$XDG_CACHE_HOME/modelgrid/artifacts</c>, else <c>~/.cache/modelgrid/artifacts</c>).
/// </summary>
public sealed record LocalArtifactSettings(string CacheFolder, IReadOnlyList<string> Mirrors, bool Offline, Uri? SourceBaseUrl)
{
    public const string CacheVariable = "GRID_CACHE";
    private const string Prefix = "Grid__Artifacts__";
    private const string MirrorsPrefix = Prefix + "Mirrors__";

    public static LocalArtifactSettings FromEnvironment() =>
        From(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal));

    /// <summary>Reads the settings from <paramref name="environment"/>; keys match without regard to case, as the silo's configuration does.</summary>
    public static LocalArtifactSettings From(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string key) => environment.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } v ? v : null;

        var mirrors = environment
            .Where(e => e.Key.StartsWith(MirrorsPrefix, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(e.Value))
            .Select(e => (Index: int.TryParse(e.Key.AsSpan(MirrorsPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1, Folder: e.Value!))
            .Where(m => m.Index >= 0)
            .OrderBy(m => m.Index)
            .Select(m => m.Folder)
            .ToList();

        var offline = false;
        if (Get(Prefix + "Offline") is { } offlineText && !bool.TryParse(offlineText, out offline))
        {
            throw new CliException($"{Prefix}Offline is '{offlineText}'; use true or false");
        }

        Uri? source = null;
        if (Get(Prefix + "SourceBaseUrl") is { } sourceText && !Uri.TryCreate(sourceText, UriKind.Absolute, out source))
        {
            throw new CliException($"{Prefix}SourceBaseUrl '{sourceText}' is not an absolute address");
        }

        return new LocalArtifactSettings(CacheFolderOf(Get), mirrors, offline, source);
    }

    /// <summary>The options of the artifact resolver these settings give.</summary>
    public ArtifactOptions ToOptions()
    {
        var options = new ArtifactOptions { Offline = Offline };
        foreach (var mirror in Mirrors)
        {
            options.Mirrors.Add(mirror);
        }

        if (SourceBaseUrl is not null)
        {
            options.SourceBaseUrl = SourceBaseUrl;
        }

        return options;
    }

    private static string CacheFolderOf(Func<string, string?> get)
    {
        if (get(CacheVariable) is { } explicitFolder)
        {
            return Path.GetFullPath(explicitFolder);
        }

        var cacheHome = get("XDG_CACHE_HOME")
            ?? Path.Combine(get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".cache");
        return Path.GetFullPath(Path.Combine(cacheHome, "modelgrid", "artifacts"));
    }
}
