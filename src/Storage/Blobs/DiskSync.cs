using System.Collections.Concurrent;

namespace ModelGrid.Storage.Blobs;

/// <summary>
/// Runs the folder store's fsyncs on threads of its own. Orleans runs grain turns on the .NET thread pool, and an
/// fsync blocks its thread for as long as the disk takes: done there, a few concurrent durable writes left grain turns
/// waiting for a thread. Here a durable write awaits a task that completes once the data is on disk, and its thread
/// serves other grains meanwhile. Flushes of one folder that wait for a thread are merged: callers that ask before a
/// queued flush of that folder starts share it, since it starts after all of them asked and covers each one's change.
/// </summary>
internal sealed class DiskSync : IDisposable
{
    /// <summary>
    /// Enough threads for the disk to see concurrent flushes (on the machine BENCHMARKS.md describes, a write + fsync
    /// loop ran at 150/s on one thread and 2,382/s on 16); they wait in the kernel, not on a CPU.
    /// </summary>
    internal const int DefaultThreads = 16;

    private readonly BlockingCollection<Action> _work = [];
    private readonly Action<string> _flushFolder;
    private readonly Dictionary<string, TaskCompletionSource> _queued = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Starts <paramref name="threads"/> background threads that run flushes.</summary>
    /// <param name="threads">How many flushes may run at once.</param>
    /// <param name="flushFolder">Flushes one folder's entries to disk; throws when the disk refuses.</param>
    public DiskSync(int threads, Action<string> flushFolder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _flushFolder = flushFolder;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = "grid-disk-sync" }.Start();
        }
    }

    /// <summary>The process's flush threads, shared by every folder store in it.</summary>
    public static DiskSync Shared { get; } = new(DefaultThreads, DirectorySync.Flush);

    /// <summary>Runs <paramref name="flush"/> (an fsync) on a flush thread; the task ends when it has, or with its exception.</summary>
    public Task RunAsync(Action flush)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                flush();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>
    /// Flushes <paramref name="folder"/>'s entries (after a rename into it, a create or a delete); the task ends once a
    /// flush that started after this call has finished, or with that flush's exception, which every caller sharing it
    /// sees. A caller joins a flush of the folder that is queued but has not started (it will cover the caller's
    /// change); a flush already running may not, so the caller gets a flush of its own, which runs beside it: the
    /// file system's journal commits concurrent flushes together, and waiting for the running one would only add its
    /// time to the caller's.
    /// </summary>
    public Task FlushFolderAsync(string folder)
    {
        lock (_gate)
        {
            if (_queued.TryGetValue(folder, out var queued))
            {
                return queued.Task;
            }

            var flush = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _queued.Add(folder, flush);
            _work.Add(() => FlushQueued(folder, flush));
            return flush.Task;
        }
    }

    /// <summary>Lets the threads finish the flushes asked for and end.</summary>
    public void Dispose() => _work.CompleteAdding();

    private void FlushQueued(string folder, TaskCompletionSource flush)
    {
        // From here on a caller's change may come after the flush: later callers queue another.
        lock (_gate)
        {
            _queued.Remove(folder);
        }

        try
        {
            _flushFolder(folder);
            flush.SetResult();
        }
        catch (Exception e)
        {
            flush.SetException(e);
        }
    }

    private void Run()
    {
        foreach (var flush in _work.GetConsumingEnumerable())
        {
            flush();
        }
    }
}
