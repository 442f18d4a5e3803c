using ModelGrid.Storage.Blobs;

namespace ModelGrid.Storage.Tests.Blobs;

/// <summary>
/// The flush threads and the group commit of folder flushes, driven by a flush that waits for the test's signal, so
/// which callers share a flush is decided by the test, not by timing.
/// </summary>
public sealed class DiskSyncTests : IDisposable
{
    private readonly SemaphoreSlim _started = new(0);
    private readonly SemaphoreSlim _release = new(0);
    private readonly List<string> _flushes = [];
    private readonly DiskSync _sync;
    private Exception? _failNext;

    public DiskSyncTests() => _sync = new DiskSync(threads: 4, Flush);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FlushFolderAsync_CallersWhileAFlushRuns_ShareOneNextFlushThatStartsAfterThem()
    {
        var first = _sync.FlushFolderAsync("state/job");
        await _started.WaitAsync(Ct);

        var waiting = new[] { _sync.FlushFolderAsync("state/job"), _sync.FlushFolderAsync("state/job"), _sync.FlushFolderAsync("state/job") };

        Assert.Same(waiting[0], waiting[1]);
        Assert.Same(waiting[0], waiting[2]);
        _release.Release();
        await first;
        await _started.WaitAsync(Ct);
        Assert.False(waiting[0].IsCompleted);
        _release.Release();
        await waiting[0];
        Assert.Equal(["state/job", "state/job"], Flushes());
    }

    [Fact]
    public async Task FlushFolderAsync_SharedFlushFails_FaultsEveryCallerWaitingForIt()
    {
        var first = _sync.FlushFolderAsync("queues/cpu-0");
        await _started.WaitAsync(Ct);
        var waiting = new[] { _sync.FlushFolderAsync("queues/cpu-0"), _sync.FlushFolderAsync("queues/cpu-0") };
        var failure = new IOException("flushing the folder 'queues/cpu-0' to disk failed (errno 5)");

        _release.Release();
        await first;
        await _started.WaitAsync(Ct);
        _failNext = failure;
        _release.Release();

        foreach (var caller in waiting)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<IOException>(() => caller));
        }

        var after = _sync.FlushFolderAsync("queues/cpu-0");
        await _started.WaitAsync(Ct);
        _release.Release();
        await after;
        Assert.Equal(3, Flushes().Length);
    }

    [Fact]
    public async Task FlushFolderAsync_OtherFolders_FlushWithoutWaitingForEachOther()
    {
        var a = _sync.FlushFolderAsync("a");
        await _started.WaitAsync(Ct);
        var b = _sync.FlushFolderAsync("b");
        await _started.WaitAsync(Ct);

        Assert.Equal(["a", "b"], Flushes().Order(StringComparer.Ordinal));
        _release.Release(2);
        await Task.WhenAll(a, b);
    }

    [Fact]
    public async Task RunAsync_Flush_RunsOffTheThreadPoolAndSurfacesItsException()
    {
        bool? onPool = null;
        await _sync.RunAsync(() => onPool = Thread.CurrentThread.IsThreadPoolThread);
        var error = await Assert.ThrowsAsync<IOException>(() => _sync.RunAsync(() => throw new IOException("fsync failed")));

        Assert.False(onPool);
        Assert.Equal("fsync failed", error.Message);
    }

    public void Dispose()
    {
        _release.Release(16);
        _sync.Dispose();
    }

    private void Flush(string folder)
    {
        lock (_flushes)
        {
            _flushes.Add(folder);
        }

        _started.Release();
        _release.Wait();
        if (Interlocked.Exchange(ref _failNext, null) is { } failure)
        {
            throw failure;
        }
    }

    private string[] Flushes()
    {
        lock (_flushes)
        {
            return [.. _flushes];
        }
    }
}
