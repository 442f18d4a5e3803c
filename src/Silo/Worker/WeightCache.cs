using System.Security.Cryptography;
using ModelGrid.Grains.Telemetry;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// A worker's local copies of model files, by SHA-256, under a size budget (least recently used first out, never a
/// file in use). Concurrent jobs that need the same digest share one fetch. Every use verifies the file's SHA-256
/// first, so a copy damaged on disk is dropped and fetched again rather than evaluated.
/// </summary>
public sealed partial class WeightCache
{
    private readonly ContentAddressedStore _store;
    private readonly string _folder;
    private readonly long _budget;
    private readonly ILogger<WeightCache> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _fetches = new(StringComparer.Ordinal);

    // Digests some caller is acquiring: never evicted between their fetch and their pin.
    private readonly Dictionary<string, int> _reserved = new(StringComparer.Ordinal);
    private long _clock;
    private int _fetchCount;

    public WeightCache(ContentAddressedStore store, string folder, long budgetBytes, ILogger<WeightCache> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        _store = store;
        _folder = Path.GetFullPath(folder);
        _budget = budgetBytes;
        _logger = logger;
        Directory.CreateDirectory(_folder);
        foreach (var file in new DirectoryInfo(_folder).EnumerateFiles().OrderBy(f => f.LastWriteTimeUtc))
        {
            if (IsDigest(file.Name))
            {
                _entries[file.Name] = new Entry(file.Length) { LastUse = ++_clock };
            }
            else
            {
                file.Delete();
            }
        }
    }

    /// <summary>The folder holding the cached files.</summary>
    public string Folder => _folder;

    /// <summary>How many times content was fetched from the store (for tests and metrics).</summary>
    public int Fetches => Volatile.Read(ref _fetchCount);

    /// <summary>The bytes the cache holds.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _entries.Values.Sum(e => e.Size);
            }
        }
    }

    /// <summary>The local path of a cached digest (whether or not it is there).</summary>
    public string PathOf(string sha256) => Path.Combine(_folder, sha256);

    /// <summary>
    /// A verified local copy of the content with that digest, fetched from the store if need be. The file stays in
    /// the cache until the returned handle is disposed.
    /// </summary>
    public async Task<CachedWeight> AcquireAsync(string sha256, long size, CancellationToken cancellationToken = default)
    {
        if (!IsDigest(sha256))
        {
            throw new ArgumentException($"'{sha256}' is not a lowercase hex SHA-256", nameof(sha256));
        }

        Reserve(sha256, +1);
        try
        {
            for (var round = 0; round < 2; round++)
            {
                await EnsureFetchedAsync(sha256, size, cancellationToken);
                Pin(sha256);
                if (await VerifyAsync(sha256, size, cancellationToken))
                {
                    return new CachedWeight(this, sha256, PathOf(sha256));
                }

                LogCorrupt(_logger, sha256);
                Unpin(sha256);
                Drop(sha256);
            }
        }
        finally
        {
            Reserve(sha256, -1);
        }

        throw new InvalidDataException($"the content {sha256} failed its SHA-256 check twice after fetching it from the store");
    }

    internal void Release(string sha256)
    {
        Unpin(sha256);
        Evict();
    }

    private async Task EnsureFetchedAsync(string sha256, long size, CancellationToken cancellationToken)
    {
        Task fetch;
        lock (_lock)
        {
            if (_entries.ContainsKey(sha256))
            {
                GridMetrics.CacheHit();
                return;
            }

            GridMetrics.CacheMiss();

            if (!_fetches.TryGetValue(sha256, out var running))
            {
                running = FetchAsync(sha256, size);
                _fetches[sha256] = running;
            }

            fetch = running;
        }

        await fetch.WaitAsync(cancellationToken);
    }

    private async Task FetchAsync(string sha256, long size)
    {
        await Task.Yield();
        try
        {
            Interlocked.Increment(ref _fetchCount);
            var temp = Path.Combine(_folder, $".fetch-{Guid.NewGuid():N}");
            try
            {
                await using (var reader = await _store.OpenReadAsync(sha256)
                    ?? throw new FileNotFoundException($"the hub's store has no content {sha256}"))
                await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                {
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[1 << 20];
                    long total = 0;
                    int read;
                    while ((read = await reader.Content.ReadAsync(buffer)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read));
                        total += read;
                    }

                    var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                    if (total != size || actual != sha256)
                    {
                        throw new InvalidDataException($"the store's content {sha256} read back as {total} bytes with SHA-256 {actual}");
                    }
                }

                File.Move(temp, PathOf(sha256), overwrite: true);
                lock (_lock)
                {
                    _entries[sha256] = new Entry(size) { LastUse = ++_clock };
                }

                GridMetrics.CacheFetched(size);
                LogFetched(_logger, sha256, size);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        finally
        {
            lock (_lock)
            {
                _fetches.Remove(sha256);
            }
        }

        Evict();
    }

    private async Task<bool> VerifyAsync(string sha256, long size, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return false;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (file.Length != size)
        {
            return false;
        }

        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken)) == sha256;
    }

    private void Reserve(string sha256, int delta)
    {
        lock (_lock)
        {
            var count = _reserved.GetValueOrDefault(sha256) + delta;
            if (count > 0)
            {
                _reserved[sha256] = count;
            }
            else
            {
                _reserved.Remove(sha256);
            }
        }
    }

    private void Pin(string sha256)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(sha256, out var entry))
            {
                entry.InUse++;
                entry.LastUse = ++_clock;
            }
        }
    }

    private void Unpin(string sha256)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(sha256, out var entry) && entry.InUse > 0)
            {
                entry.InUse--;
            }
        }
    }

    private void Drop(string sha256)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(sha256, out var entry) && entry.InUse == 0)
            {
                _entries.Remove(sha256);
                File.Delete(PathOf(sha256));
            }
        }
    }

    private void Evict()
    {
        lock (_lock)
        {
            var total = _entries.Values.Sum(e => e.Size);
            foreach (var (digest, entry) in _entries.OrderBy(e => e.Value.LastUse).ToList())
            {
                if (total <= _budget)
                {
                    break;
                }

                if (entry.InUse > 0 || _reserved.ContainsKey(digest))
                {
                    continue;
                }

                _entries.Remove(digest);
                File.Delete(PathOf(digest));
                total -= entry.Size;
                LogEvicted(_logger, digest, entry.Size);
            }
        }
    }

    private static bool IsDigest(string name) => name.Length == 64 && name.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "weight cache: fetched {Sha256} ({Size} bytes)")]
    private static partial void LogFetched(ILogger logger, string sha256, long size);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "weight cache: the copy of {Sha256} failed its SHA-256 check; fetching it again")]
    private static partial void LogCorrupt(ILogger logger, string sha256);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "weight cache: evicted {Sha256} ({Size} bytes)")]
    private static partial void LogEvicted(ILogger logger, string sha256, long size);

    private sealed class Entry(long size)
    {
        public long Size { get; } = size;

        public long LastUse { get; set; }

        public int InUse { get; set; }
    }
}
