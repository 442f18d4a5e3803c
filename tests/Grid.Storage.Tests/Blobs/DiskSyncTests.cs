using ModelGrid.Storage.Blobs;

namespace ModelGrid.Storage.Tests.Blobs;

/// <summary>
/// The flush threads and the merging of queued folder flushes, driven by a flush that waits for the test's signal, so
/// which callers share a flush is decided by the test, not by timing.
/// </summary>
public sealed class DiskSyncTests : IDisposable
{
    private readonly SemaphoreSlim _started = new(0);
    private readonly SemaphoreSlim _release = new(0);
    private readonly List<string> _flushes = [];
    private DiskSync? _sync;
    private Exception? _failNext;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FlushFolderAsync_CallersWhileTheFlushQueues_ShareOneFlushThatStartsAfterThem()
    {
        var sync = Create(threads: 1);
        var first = sync.FlushFolderAsync("state/job");
        await _started.WaitAsync(Ct);

        // The one thread is busy: these wait in the queue, and all three get the same flush.
        var waiting = new[] { sync.FlushFolderAsync("state/job"), sync.FlushFolderAsync("state/job"), sync.FlushFolderAsync("state/job") };

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
    public async Task FlushFolderAsync_CallerWhileAFlushOfTheFolderRuns_GetsAFlushOfItsOwnAtOnce()
    {
        var sync = Create(threads: 2);
        var first = sync.FlushFolderAsync("state/job");
        await _started.WaitAsync(Ct);

        var second = sync.FlushFolderAsync("state/job");
        await _started.WaitAsync(Ct);

        Assert.NotSame(first, second);
        Assert.Equal(["state/job", "state/job"], Flushes());
        _release.Release(2);
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task FlushFolderAsync_SharedFlushFails_FaultsEveryCallerWaitingForIt()
    {
        var sync = Create(threads: 1);
        var first = sync.FlushFolderAsync("queues/cpu-0");
        await _started.WaitAsync(Ct);
        var waiting = new[] { sync.FlushFolderAsync("queues/cpu-0"), sync.FlushFolderAsync("queues/cpu-0") };
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

        var after = sync.FlushFolderAsync("queues/cpu-0");
        await _started.WaitAsync(Ct);
        _release.Release();
        await after;
        Assert.Equal(3, Flushes().Length);
    }

    [Fact]
    public async Task RunAsync_Flush_RunsOffTheThreadPoolAndSurfacesItsException()
    {
        var sync = Create(threads: 1);
        bool? onPool = null;
        await sync.RunAsync(() => onPool = Thread.CurrentThread.IsThreadPoolThread);
        var error = await Assert.ThrowsAsync<IOException>(() => sync.RunAsync(() => throw new IOException("fsync failed")));

        Assert.False(onPool);
        Assert.Equal("fsync failed", error.Message);
    }

    public void Dispose()
    {
        _release.Release(16);
        _sync?.Dispose();
    }

    private DiskSync Create(int threads) => _sync = new DiskSync(threads, Flush);

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
