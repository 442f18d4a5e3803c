using System.Collections.Concurrent;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Evaluation;

/// <summary>
/// Suite data for workers and comparisons: each declared artifact resolved into the hub's store (once, verified) and
/// then copied into the worker's weight cache, where it stays pinned while the silo runs.
/// </summary>
public sealed class HubArtifactFiles(ArtifactResolver resolver, WeightCache cache) : IArtifactFiles, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedWeight>>> _files = new(StringComparer.Ordinal);

    public ArtifactRef? Describe(string name) =>
        resolver.Manifest.Find(name) is { } a ? new ArtifactRef(a.Name, a.Size, a.Sha256) : null;

    public async Task<string> GetFileAsync(string name, CancellationToken cancellationToken = default)
    {
        var lazy = _files.GetOrAdd(name, n => new Lazy<Task<CachedWeight>>(() => FetchAsync(n)));
        try
        {
            var file = await lazy.Value.WaitAsync(cancellationToken);
            if (File.Exists(file.Path))
            {
                return file.Path;
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _files.TryRemove(KeyValuePair.Create(name, lazy));
            throw;
        }

        _files.TryRemove(KeyValuePair.Create(name, lazy));
        return await GetFileAsync(name, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var file in _files.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            file.Value.Result.Dispose();
        }
    }

    private async Task<CachedWeight> FetchAsync(string name)
    {
        var resolved = await resolver.ResolveAsync(name);
        return await cache.AcquireAsync(resolved.Artifact.Sha256, resolved.Artifact.Size);
    }
}
