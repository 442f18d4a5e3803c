using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;
using ModelGrid.Testing;

namespace ModelGrid.Silo.Tests.Worker;

public sealed class WeightCacheTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempFolder("weights");
    private readonly ContentAddressedStore _store;

    public WeightCacheTests() =>
        _store = new ContentAddressedStore(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = Path.Combine(_root, "store"), Durable = false }));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AcquireAsync_ManyConcurrentJobs_FetchOnce()
    {
        var (sha, size) = await StoreAsync(200_000);
        var cache = NewCache(1 << 20);

        var handles = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.AcquireAsync(sha, size, TestContext.Current.CancellationToken))));

        Assert.Equal(1, cache.Fetches);
        Assert.All(handles, h => Assert.Equal(cache.PathOf(sha), h.Path));
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(handles[0].Path, TestContext.Current.CancellationToken))));
        foreach (var handle in handles)
        {
            handle.Dispose();
        }
    }

    [Fact]
    public async Task AcquireAsync_CorruptedCopy_IsFetchedAgainBeforeUse()
    {
        var (sha, size) = await StoreAsync(50_000);
        var cache = NewCache(1 << 20);
        (await cache.AcquireAsync(sha, size, TestContext.Current.CancellationToken)).Dispose();
        var bytes = await File.ReadAllBytesAsync(cache.PathOf(sha), TestContext.Current.CancellationToken);
        bytes[1234] ^= 0xFF;
        await File.WriteAllBytesAsync(cache.PathOf(sha), bytes, TestContext.Current.CancellationToken);

        using var again = await cache.AcquireAsync(sha, size, TestContext.Current.CancellationToken);

        Assert.Equal(2, cache.Fetches);
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(again.Path, TestContext.Current.CancellationToken))));
    }

    [Fact]
    public async Task Release_OverBudget_EvictsTheLeastRecentlyUsedFileNotInUse()
    {
        var a = await StoreAsync(40_000);
        var b = await StoreAsync(40_000);
        var c = await StoreAsync(40_000);
        var cache = NewCache(100_000);

        using (await cache.AcquireAsync(a.Sha, a.Size, TestContext.Current.CancellationToken))
        {
        }

        using var heldB = await cache.AcquireAsync(b.Sha, b.Size, TestContext.Current.CancellationToken);
        using (await cache.AcquireAsync(c.Sha, c.Size, TestContext.Current.CancellationToken))
        {
        }

        Assert.False(File.Exists(cache.PathOf(a.Sha)));
        Assert.True(File.Exists(cache.PathOf(b.Sha)));
        Assert.True(File.Exists(cache.PathOf(c.Sha)));
        Assert.Equal(80_000, cache.Bytes);
    }

    [Fact]
    public async Task AcquireAsync_FileInUse_IsNotEvictedEvenOverBudget()
    {
        var a = await StoreAsync(80_000);
        var b = await StoreAsync(80_000);
        var cache = NewCache(100_000);

        using var heldA = await cache.AcquireAsync(a.Sha, a.Size, TestContext.Current.CancellationToken);
        using (await cache.AcquireAsync(b.Sha, b.Size, TestContext.Current.CancellationToken))
        {
        }

        Assert.True(File.Exists(heldA.Path));
        Assert.False(File.Exists(cache.PathOf(b.Sha)));
    }

    [Fact]
    public async Task Constructor_ExistingFolder_KeepsVerifiedCopiesAndDropsLeftovers()
    {
        var a = await StoreAsync(10_000);
        var folder = Path.Combine(_root, "cache");
        using (await NewCache(1 << 20).AcquireAsync(a.Sha, a.Size, TestContext.Current.CancellationToken))
        {
        }

        await File.WriteAllTextAsync(Path.Combine(folder, ".fetch-leftover"), "x", TestContext.Current.CancellationToken);
        var reopened = NewCache(1 << 20);
        using var handle = await reopened.AcquireAsync(a.Sha, a.Size, TestContext.Current.CancellationToken);

        Assert.Equal(0, reopened.Fetches);
        Assert.False(File.Exists(Path.Combine(folder, ".fetch-leftover")));
    }

    [Fact]
    public async Task AcquireAsync_DigestNotInTheStore_FailsClearly()
    {
        var cache = NewCache(1 << 20);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => cache.AcquireAsync(new string('a', 64), 1, TestContext.Current.CancellationToken));

        Assert.Equal($"the hub's store has no content {new string('a', 64)}", error.Message);
    }

    private WeightCache NewCache(long budget) => new(_store, Path.Combine(_root, "cache"), budget, NullLogger<WeightCache>.Instance);

    private async Task<(string Sha, long Size)> StoreAsync(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await _store.IngestAsync(new MemoryStream(bytes), size, sha, TestContext.Current.CancellationToken);
        return (sha, size);
    }
}
