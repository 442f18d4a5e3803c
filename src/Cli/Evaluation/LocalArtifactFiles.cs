using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;

namespace ModelGrid.Client.Cli.Evaluation;

/// <summary>
/// Suite data for <c>grid eval --local</c>: the hub's own <see cref="ArtifactResolver"/> (mirrors, then the pinned
/// source unless offline; size and SHA-256 verified) over a content-addressed store in the local cache folder, so
/// each artifact is fetched once per machine and read straight from its verified blob file.
/// </summary>
public sealed class LocalArtifactFiles : IArtifactFiles, IDisposable
{
    private readonly LocalArtifactSettings _settings;
    private readonly FileSystemBlobStore _blobs;
    private readonly HttpClient _http = new();
    private readonly ArtifactResolver _resolver;

    public LocalArtifactFiles(LocalArtifactSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        try
        {
            _blobs = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = settings.CacheFolder, Durable = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot use the artifact cache '{settings.CacheFolder}' ({e.Message}); point {LocalArtifactSettings.CacheVariable} at a writable folder", ExitCodes.Failure);
        }

        _resolver = new ArtifactResolver(ArtifactManifest.Default, new ContentAddressedStore(_blobs), Options.Create(settings.ToOptions()), _http, NullLogger<ArtifactResolver>.Instance);
    }

    public ArtifactRef? Describe(string name) =>
        _resolver.Manifest.Find(name) is { } a ? new ArtifactRef(a.Name, a.Size, a.Sha256) : null;

    public async Task<string> GetFileAsync(string name, CancellationToken cancellationToken = default)
    {
        ResolvedArtifact resolved;
        try
        {
            resolved = await _resolver.ResolveAsync(name, cancellationToken);
        }
        catch (ArtifactUnavailableException e)
        {
            throw Missing(name, e);
        }

        return _blobs.GetFilePath(ContentAddressedStore.BlobName(resolved.Artifact.Sha256));
    }

    public void Dispose() => _http.Dispose();

    private CliException Missing(string name, ArtifactUnavailableException e)
    {
        var artifact = _resolver.Manifest.Find(name)!;
        var mirrors = _settings.Mirrors.Count == 0 ? "no mirror folder is set" : $"no mirror folder ({string.Join(", ", _settings.Mirrors)}) holds it";
        var download = _settings.Offline
            ? "downloading is off (Grid__Artifacts__Offline=true)"
            : $"downloading it failed ({e.InnerException?.Message ?? "see 'grid artifacts list' for its source"})";
        return new CliException(
            $"artifact '{name}' ({artifact.Size:N0} bytes, sha256 {artifact.Sha256[..12]}…) is not in the cache {_settings.CacheFolder}, {mirrors}, and {download}; " +
            $"set Grid__Artifacts__Mirrors__0 to a folder that holds {name}" + (_settings.Offline ? ", or allow downloads" : string.Empty),
            ExitCodes.NotFound);
    }
}
