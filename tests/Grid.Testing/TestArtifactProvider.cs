using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;

namespace ModelGrid.Testing;

/// <summary>
/// The tests' third-party artifacts, resolved as the silo resolves them: the product's <see cref="ArtifactResolver"/>
/// over a content-addressed store in the user's cache, fed from the shared folder's mirrors first and then, unless
/// offline, from the pinned source, verifying size and SHA-256 on every path. Each verified artifact is then kept
/// under its own name in <see cref="MirrorFolder"/>, which silos and CLIs under test get as their only mirror, so
/// they run offline against verified files. Every file handed out is hashed again once per process.
/// </summary>
public sealed class TestArtifactProvider : IDisposable
{
    /// <summary>The folder, inside the cache, of verified artifacts by name.</summary>
    public const string MirrorFolderName = "by-name";

    private const int MirrorSearchDepth = 4;
    private readonly TestArtifactSettings _settings;
    private readonly ArtifactManifest _manifest;
    private readonly ConcurrentDictionary<Uri, string> _refusals = new();
    private readonly HttpClient _http;
    private readonly Lazy<(FileSystemBlobStore Blobs, ArtifactResolver Resolver)> _store;
    private readonly ConcurrentDictionary<string, Lazy<string>> _files = new(StringComparer.Ordinal);
    private readonly Lazy<string> _mirrorFolder;
    private readonly Mutex _cacheLock;

    /// <summary>A provider over <paramref name="settings"/> for the artifacts of <paramref name="manifest"/> (the project's by default).</summary>
    public TestArtifactProvider(TestArtifactSettings settings, ArtifactManifest? manifest = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _manifest = manifest ?? ArtifactManifest.Default;
        _http = new HttpClient(new RefusalRecorder(_refusals)) { Timeout = Timeout.InfiniteTimeSpan };
        _store = new(OpenStore);
        _mirrorFolder = new(ResolveAll);

        // Test projects run in parallel processes over one cache: a named mutex keeps them from fetching the same file twice.
        _cacheLock = new Mutex(false, "ModelGrid.TestArtifacts." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.CacheFolder)))[..16]);
    }

    /// <summary>The settings in use.</summary>
    public TestArtifactSettings Settings => _settings;

    /// <summary>The folder holding every declared artifact, verified, under its own name: the mirror for <c>Grid:Artifacts:Mirrors</c>.</summary>
    public string MirrorFolder => _mirrorFolder.Value;

    /// <summary>The verified file of a declared artifact; a test without it fails with one line saying how to provide it.</summary>
    /// <param name="name">The artifact's name in <c>artifacts.json</c>, e.g. <c>mnist.onnx</c>.</param>
    public string Get(string name) => _files.GetOrAdd(name, n => new Lazy<string>(() => Resolve(n))).Value;

    /// <summary>
    /// A file or folder of the shared folder that is not a declared artifact (it has no public source to download, so
    /// it comes from the shared folder alone and is not verified); a missing one fails with one line naming it.
    /// </summary>
    /// <param name="relativePath">Its path under the shared folder, e.g. <c>models/lm/SOURCES.md</c>.</param>
    public string SharedPath(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(_settings.SharedFolder, relativePath));
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new ArtifactUnavailableException(
                $"'{relativePath}' is not available to the tests: it has no public source to download and comes only from the shared folder, " +
                $"but {path} does not exist; set {TestArtifactSettings.SharedVariable}=/path/to/shared (the folder holding it)");
    }

    public void Dispose()
    {
        _http.Dispose();
        _cacheLock.Dispose();
    }

    private string ResolveAll()
    {
        foreach (var artifact in _manifest.Artifacts)
        {
            Get(artifact.Name);
        }

        return Path.Combine(_settings.CacheFolder, MirrorFolderName);
    }

    private string Resolve(string name)
    {
        var artifact = _manifest.Find(name)
            ?? throw new ArgumentException($"'{name}' is not declared in artifacts.json; read a file without a public source with {nameof(SharedPath)}", nameof(name));
        var target = Path.Combine(_settings.CacheFolder, MirrorFolderName, name);
        try
        {
            _cacheLock.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // A test process died holding it; every write below is a rename of a verified file, so nothing is half done.
        }

        try
        {
            if (Matches(target, artifact))
            {
                return target;
            }

            var (blobs, resolver) = _store.Value;
            var blob = blobs.GetFilePath(ContentAddressedStore.BlobName(artifact.Sha256));
            for (var attempt = 0; attempt < 2; attempt++)
            {
                try
                {
                    Task.Run(() => resolver.ResolveAsync(name)).GetAwaiter().GetResult();
                }
                catch (ArtifactUnavailableException e)
                {
                    throw Unavailable(artifact, e);
                }

                var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{name}.{Guid.NewGuid():N}.partial");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(blob, partial);
                if (Matches(partial, artifact))
                {
                    File.Move(partial, target, overwrite: true);
                    return target;
                }

                // The cached blob was damaged after it was verified: drop it so the resolver fetches it again.
                File.Delete(partial);
                File.Delete(blob);
            }

            throw new ArtifactUnavailableException($"the cached copy of '{name}' in {_settings.CacheFolder} fails its SHA-256 check again and again; delete that folder and run the tests again");
        }
        finally
        {
            _cacheLock.ReleaseMutex();
        }
    }

    private (FileSystemBlobStore, ArtifactResolver) OpenStore()
    {
        FileSystemBlobStore blobs;
        try
        {
            blobs = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _settings.CacheFolder, Durable = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new ArtifactUnavailableException(
                $"the test artifact cache {_settings.CacheFolder} cannot be used ({e.Message}); set {TestArtifactSettings.CacheVariable} to a writable folder on ext4, xfs, btrfs or tmpfs");
        }

        var options = new ArtifactOptions { Offline = _settings.Offline, DownloadTimeout = TimeSpan.FromMinutes(5) };
        foreach (var mirror in _settings.Mirrors)
        {
            options.Mirrors.Add(mirror);
        }

        if (_settings.SourceBaseUrl is { } source)
        {
            options.SourceBaseUrl = source;
        }

        return (blobs, new ArtifactResolver(_manifest, new ContentAddressedStore(blobs), Options.Create(options), _http, NullLogger<ArtifactResolver>.Instance));
    }

    /// <summary>One line: the artifact, each place looked and why it failed there, and the variable that provides it.</summary>
    private ArtifactUnavailableException Unavailable(ArtifactDescriptor artifact, ArtifactUnavailableException e)
    {
        var from = _settings.SharedFolderVariable ? $" ({TestArtifactSettings.SharedVariable})" : " (beside the checkout)";
        var mismatched = _settings.Mirrors.Where(Directory.Exists).SelectMany(m => FindInMirror(m, artifact.Name)).ToList();
        var mirrors = !Directory.Exists(_settings.SharedFolder)
            ? $"the shared folder {_settings.SharedFolder}{from} does not exist"
            : mismatched.Count > 0
                ? $"{string.Join(", ", mismatched)} in the shared folder{from} {(mismatched.Count == 1 ? "does" : "do")} not match its declared size and SHA-256"
                : $"neither {_settings.Mirrors[0]} nor {_settings.Mirrors[1]}{from} holds it";
        var url = artifact.DownloadSource?.ToUrl(_settings.SourceBaseUrl ?? new ArtifactOptions().SourceBaseUrl);
        var download = url is null
            ? "it has no public source to download (mirror only)"
            : _settings.Offline
                ? $"downloading is off ({_settings.OfflineBecause})"
                : $"downloading {url} failed ({e.InnerException?.Message ?? _refusals.GetValueOrDefault(url) ?? "no reason given"})";
        var online = url is null
            ? string.Empty
            : _settings.Offline
                ? $", or let the tests download it with {TestArtifactSettings.OfflineVariable}=0"
                : $", or run them where {url.Host} can be reached";
        return new ArtifactUnavailableException(
            $"artifact '{artifact.Name}' is not available to the tests: the cache {_settings.CacheFolder} does not hold it, {mirrors}, and {download}; " +
            $"set {TestArtifactSettings.SharedVariable}=/path/to/shared (the folder holding datasets/ and models/){online}",
            e.InnerException);
    }

    private static bool Matches(string path, ArtifactDescriptor artifact)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length != artifact.Size)
        {
            return false;
        }

        using var stream = file.OpenRead();
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == artifact.Sha256;
    }

    /// <summary>Keeps the status of each refused download, which the resolver's exception carries only as text.</summary>
    private sealed class RefusalRecorder(ConcurrentDictionary<Uri, string> refusals)
        : DelegatingHandler(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(20) })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode && request.RequestUri is { } url)
            {
                refusals[url] = $"it answered {(int)response.StatusCode} {response.ReasonPhrase}";
            }

            return response;
        }
    }

    private static IEnumerable<string> FindInMirror(string mirror, string fileName) =>
        Directory.EnumerateFiles(mirror, fileName, new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MaxRecursionDepth = MirrorSearchDepth,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseSensitive,
        }).Order(StringComparer.Ordinal);
}
