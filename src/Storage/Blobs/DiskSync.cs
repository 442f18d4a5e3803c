using System.Collections.Concurrent;

namespace ModelGrid.Storage.Blobs;

/// <summary>
/// Runs the folder store's fsyncs on threads of its own. Orleans runs grain turns on the .NET thread pool, and an
/// fsync blocks its thread for as long as the disk takes: done there, a few concurrent durable writes left grain turns
/// waiting for a thread. Here a durable write awaits a task that completes once the data is on disk, and its thread
/// serves other grains meanwhile. Flushes of one folder are group-committed: callers that ask while a flush of that
/// folder is running share the next one, which starts after all of them asked, so each caller's rename is covered
/// and a burst of writes into one folder (the state records of one grain type) costs two folder flushes, not one each.
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
    private readonly Dictionary<string, FolderGroup> _folders = new(StringComparer.Ordinal);
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
    /// flush that started after this call has finished, or with that flush's exception, which every caller sharing it sees.
    /// </summary>
    public Task FlushFolderAsync(string folder)
    {
        lock (_gate)
        {
            if (!_folders.TryGetValue(folder, out var group))
            {
                group = new FolderGroup();
                _folders.Add(folder, group);
            }

            // A flush that is queued but has not started covers this caller too.
            if (group.Next is { } queued)
            {
                return queued.Task;
            }

            group.Next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!group.Running)
            {
                group.Running = true;
                _work.Add(() => FlushGroup(folder, group));
            }

            return group.Next.Task;
        }
    }

    /// <summary>Lets the threads finish the flushes asked for and end.</summary>
    public void Dispose() => _work.CompleteAdding();

    private void FlushGroup(string folder, FolderGroup group)
    {
        TaskCompletionSource batch;
        lock (_gate)
        {
            batch = group.Next!;
            group.Next = null;
        }

        Exception? failure = null;
        try
        {
            _flushFolder(folder);
        }
        catch (Exception e)
        {
            failure = e;
        }

        lock (_gate)
        {
            if (group.Next is null)
            {
                group.Running = false;
                _folders.Remove(folder);
            }
            else
            {
                // Callers arrived while this flush ran: their renames may postdate it, so they get one of their own.
                _work.Add(() => FlushGroup(folder, group));
            }
        }

        if (failure is null)
        {
            batch.SetResult();
        }
        else
        {
            batch.SetException(failure);
        }
    }

    private void Run()
    {
        foreach (var flush in _work.GetConsumingEnumerable())
        {
            flush();
        }
    }

    /// <summary>One folder's flushes: whether one is running, and the callers waiting for the next.</summary>
    private sealed class FolderGroup
    {
        public bool Running { get; set; }

        public TaskCompletionSource? Next { get; set; }
    }
}
