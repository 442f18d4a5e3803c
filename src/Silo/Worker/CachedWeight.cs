namespace ModelGrid.Silo.Worker;

/// <summary>A verified local copy of a model file, kept in the <see cref="WeightCache"/> until disposed.</summary>
public sealed class CachedWeight(WeightCache cache, string sha256, string path) : IDisposable
{
    private int _disposed;

    /// <summary>The digest.</summary>
    public string Sha256 { get; } = sha256;

    /// <summary>The local file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            cache.Release(Sha256);
        }
    }
}
