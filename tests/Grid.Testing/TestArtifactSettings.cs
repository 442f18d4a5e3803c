using System.Collections;

namespace ModelGrid.Testing;

/// <summary>
/// Where the tests get third-party artifacts (DESIGN.md §10), read from the environment: the shared folder whose
/// <c>datasets/</c> and <c>models/</c> are the mirrors (<c>GRID_TEST_SHARED</c>, else <c>shared/</c> beside the
/// checkout), the verified cache (<c>GRID_TEST_CACHE</c>, else <c>$XDG_CACHE_HOME/modelgrid/test-artifacts</c>, else
/// <c>~/.cache/modelgrid/test-artifacts</c>), and whether an artifact the mirrors lack may be downloaded from its
/// pinned source: not with <c>GRID_TEST_OFFLINE=1</c>, nor when <c>CI</c> is set unless <c>GRID_TEST_OFFLINE=0</c>.
/// </summary>
/// <param name="CacheFolder">The verified cache.</param>
/// <param name="SharedFolder">The folder holding <c>datasets/</c> and <c>models/</c> (it need not exist).</param>
/// <param name="SharedFolderVariable">Whether <see cref="SharedFolder"/> came from <c>GRID_TEST_SHARED</c>.</param>
/// <param name="OfflineBecause">Why downloading is off (<c>GRID_TEST_OFFLINE=1</c>, <c>CI=true</c>), or null when it is on.</param>
/// <param name="SourceBaseUrl">Where pinned sources are downloaded from; null for the product's default.</param>
public sealed record TestArtifactSettings(string CacheFolder, string SharedFolder, bool SharedFolderVariable, string? OfflineBecause, Uri? SourceBaseUrl = null)
{
    public const string SharedVariable = "GRID_TEST_SHARED";
    public const string CacheVariable = "GRID_TEST_CACHE";
    public const string OfflineVariable = "GRID_TEST_OFFLINE";
    public const string CiVariable = "CI";

    /// <summary>Whether downloading is off.</summary>
    public bool Offline => OfflineBecause is not null;

    /// <summary>The mirror folders searched by file name: the shared folder's <c>datasets/</c>, <c>models/</c> and <c>mot/</c> (the Model Openness Tool's files).</summary>
    public IReadOnlyList<string> Mirrors => [Path.Combine(SharedFolder, "datasets"), Path.Combine(SharedFolder, "models"), Path.Combine(SharedFolder, "mot")];

    /// <summary>The settings of this test run.</summary>
    public static TestArtifactSettings FromEnvironment() =>
        From(
            Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
            TestPaths.RepositoryRoot);

    /// <summary>Reads the settings from <paramref name="environment"/>; an empty variable counts as unset.</summary>
    /// <param name="environment">The environment variables.</param>
    /// <param name="repositoryRoot">The checkout, beside which <c>shared/</c> is looked for.</param>
    public static TestArtifactSettings From(IReadOnlyDictionary<string, string?> environment, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string key) => environment.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;

        var shared = Get(SharedVariable);
        var sharedFolder = Path.GetFullPath(shared ?? Path.Combine(repositoryRoot, "..", "shared"));

        var offline = Get(OfflineVariable);
        string? offlineBecause;
        if (offline is null)
        {
            offlineBecause = Get(CiVariable) is { } ci && !IsFalse(ci) ? $"{CiVariable}={ci}" : null;
        }
        else if (IsFalse(offline) || IsTrue(offline))
        {
            offlineBecause = IsTrue(offline) ? $"{OfflineVariable}={offline}" : null;
        }
        else
        {
            throw new ArgumentException($"{OfflineVariable} is '{offline}'; use 1 (never download) or 0 (download what the mirrors lack)");
        }

        return new TestArtifactSettings(CacheFolderOf(Get), sharedFolder, shared is not null, offlineBecause);
    }

    private static bool IsFalse(string value) => value is "0" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(string value) => value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static string CacheFolderOf(Func<string, string?> get)
    {
        if (get(CacheVariable) is { } explicitFolder)
        {
            return Path.GetFullPath(explicitFolder);
        }

        var cacheHome = get("XDG_CACHE_HOME")
            ?? Path.Combine(get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".cache");
        return Path.GetFullPath(Path.Combine(cacheHome, "modelgrid", "test-artifacts"));
    }
}
