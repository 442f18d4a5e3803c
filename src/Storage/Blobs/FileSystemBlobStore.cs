using System.Globalization;
using System.Runtime.CompilerServices;

namespace ModelGrid.Storage.Blobs;

/// <summary>
/// The embedded default's blob store: one file per blob under a root folder. Writes go to a file under
/// <c>.pending/</c>, are flushed, then renamed over the target, so readers see whole blobs only. The ETag is the
/// file's modification time, which the store sets itself to a value that grows with every write (even of the same
/// bytes); conditional operations check and rename under a per-name lock. One process owns a root at a time.
/// </summary>
public sealed partial class FileSystemBlobStore : IBlobStore
{
    private const string PendingFolder = ".pending";
    private const int CopyBufferBytes = 1 << 20;
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly string _root;
    private readonly string _pending;
    private readonly bool _durable;
    private readonly TimeProvider _time;
    private long _lastStamp;

    /// <summary>Opens (and creates) the store's folder.</summary>
    /// <param name="options">Root folder and durability.</param>
    /// <param name="timeProvider">The clock that seeds ETags.</param>
    public FileSystemBlobStore(FileSystemBlobStoreOptions options, TimeProvider? timeProvider = null)
    {
        _root = Path.GetFullPath(options.Root);
        _pending = Path.Combine(_root, PendingFolder);
        _durable = options.Durable;
        _time = timeProvider ?? TimeProvider.System;
        Directory.CreateDirectory(_pending);
        CheckTimestampPrecision();
    }

    /// <summary>The folder that holds the blobs.</summary>
    public string Root => _root;

    /// <summary>Called with every folder the store flushes to disk; lets tests see what a power cut would keep.</summary>
    internal Action<string>? FolderFlushed { get; set; }

    /// <summary>The file that holds a blob; for tools that must read it directly (benchmarks, nginx comparisons).</summary>
    /// <param name="name">The blob's name.</param>
    public string GetFilePath(string name)
    {
        BlobNames.Validate(name);
        if (name.StartsWith(PendingFolder + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is inside the store's private folder", nameof(name));
        }

        return Path.Combine(_root, name.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <inheritdoc />
    public Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(GetFilePath(name));
        return Task.FromResult(file.Exists ? ToInfo(name, file.Length, file.LastWriteTimeUtc) : null);
    }

    /// <inheritdoc />
    public Task<BlobReader?> OpenReadAsync(string name, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        var path = GetFilePath(name);
        FileStream stream;
        try
        {
            // bufferSize 0: callers read in large chunks; FileStream's own buffer would only add a copy.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<BlobReader?>(null);
        }

        // Length and time come from the open handle: a concurrent replace cannot mix two versions.
        var length = RandomAccess.GetLength(stream.SafeFileHandle);
        var info = ToInfo(name, length, File.GetLastWriteTimeUtc(stream.SafeFileHandle));
        var wanted = range ?? new ByteRange(0, length);
        if (wanted.Offset < 0 || wanted.Length < 0 || wanted.Offset + wanted.Length > length)
        {
            stream.Dispose();
            throw new ArgumentOutOfRangeException(nameof(range), $"the range {wanted.Offset}+{wanted.Length} lies outside the blob's {length} bytes");
        }

        stream.Position = wanted.Offset;
        Stream content = wanted.Length == length ? stream : new BoundedReadStream(stream, wanted.Length);
        return Task.FromResult<BlobReader?>(new BlobReader(content, info, wanted));
    }

    /// <inheritdoc />
    public async Task<BlobInfo> PutAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        await using var pending = await BeginWriteAsync(name, cancellationToken);
        await pending.WriteAsync(content, cancellationToken);
        var outcome = await pending.CommitAsync(condition, cancellationToken);
        if (outcome == CommitOutcome.AlreadyExisted)
        {
            throw new BlobConditionFailedException(name, $"the blob '{name}' already exists");
        }

        return (await GetInfoAsync(name, cancellationToken))!;
    }

    /// <inheritdoc />
    public Task<IPendingBlob> BeginWriteAsync(string name, CancellationToken cancellationToken = default)
    {
        var target = GetFilePath(name);
        var temp = Path.Combine(_pending, Guid.NewGuid().ToString("N"));
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        return Task.FromResult<IPendingBlob>(new PendingFile(this, name, target, temp, stream));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var path = GetFilePath(name);
        var gate = LockFor(name);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return false;
            }

            if (ifMatch is not null && ETagOf(file.LastWriteTimeUtc) != ifMatch)
            {
                throw new BlobConditionFailedException(name);
            }

            file.Delete();
            SyncFolder(Path.GetDirectoryName(path)!);
            PruneEmptyFolders(Path.GetDirectoryName(path)!);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? _root : Path.Combine(_root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var found = new List<BlobInfo>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (name.StartsWith(prefix, StringComparison.Ordinal) && !name.StartsWith(PendingFolder + "/", StringComparison.Ordinal))
            {
                found.Add(ToInfo(name, file.Length, file.LastWriteTimeUtc));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var info in found)
        {
            await Task.Yield();
            yield return info;
        }
    }

    /// <inheritdoc />
    public async Task<long> AppendAsync(string name, long offset, Stream content, CancellationToken cancellationToken = default)
    {
        var path = GetFilePath(name);
        var gate = LockFor(name);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var created = !File.Exists(path);
            await using var stream = OpenForAppend(path);
            if (stream.Length != offset)
            {
                throw new BlobOffsetMismatchException(name, offset, stream.Length);
            }

            stream.Position = offset;
            try
            {
                await content.CopyToAsync(stream, CopyBufferBytes, cancellationToken);
            }
            finally
            {
                // Whatever arrived is a prefix of what was sent: keep it, durably, so a resumed upload continues after it.
                if (_durable)
                {
                    stream.Flush(flushToDisk: true);
                }

                File.SetLastWriteTimeUtc(stream.SafeFileHandle, new DateTime(NextStamp(path), DateTimeKind.Utc));
                if (created)
                {
                    SyncFolder(Path.GetDirectoryName(path)!);
                }
            }

            return stream.Length;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<CommitOutcome> MoveAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        var from = GetFilePath(source);
        var to = GetFilePath(target);
        var (first, second) = OrderedLocks(source, target);
        await first.WaitAsync(cancellationToken);
        try
        {
            if (second is not null)
            {
                await second.WaitAsync(cancellationToken);
            }

            try
            {
                if (!File.Exists(from))
                {
                    throw new FileNotFoundException($"the blob '{source}' does not exist");
                }

                if (File.Exists(to))
                {
                    File.Delete(from);
                    PruneEmptyFolders(Path.GetDirectoryName(from)!);
                    return CommitOutcome.AlreadyExisted;
                }

                File.SetLastWriteTimeUtc(from, new DateTime(NextStamp(to), DateTimeKind.Utc));
                MoveIntoPlace(from, to, overwrite: false);
                SyncFolder(Path.GetDirectoryName(to)!);
                PruneEmptyFolders(Path.GetDirectoryName(from)!);
                return CommitOutcome.Created;
            }
            finally
            {
                second?.Release();
            }
        }
        finally
        {
            first.Release();
        }
    }

    internal static string ETagOf(DateTime lastWriteUtc) =>
        "\"0x" + lastWriteUtc.Ticks.ToString("X", CultureInfo.InvariantCulture) + "\"";

    private static BlobInfo ToInfo(string name, long length, DateTime lastWriteUtc) =>
        new(name, length, ETagOf(lastWriteUtc), new DateTimeOffset(lastWriteUtc, TimeSpan.Zero));

    private SemaphoreSlim LockFor(string name) =>
        _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(name) % (uint)_locks.Length)];

    private (SemaphoreSlim First, SemaphoreSlim? Second) OrderedLocks(string a, string b)
    {
        var la = LockFor(a);
        var lb = LockFor(b);
        if (ReferenceEquals(la, lb))
        {
            return (la, null);
        }

        return Array.IndexOf(_locks, la) < Array.IndexOf(_locks, lb) ? (la, lb) : (lb, la);
    }

    /// <summary>
    /// The next modification time to give <paramref name="path"/>: later than any this store has issued and later
    /// than the file's current one, so every write yields a new ETag even within one clock tick or after a restart.
    /// </summary>
    private long NextStamp(string path)
    {
        var previous = File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0;
        var now = _time.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Volatile.Read(ref _lastStamp);
            var next = Math.Max(Math.Max(now, previous + 1), last + 1);
            if (Interlocked.CompareExchange(ref _lastStamp, next, last) == last)
            {
                return next;
            }
        }
    }

    private FileStream OpenForAppend(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            CreateFolder(Path.GetDirectoryName(path)!);
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 0, FileOptions.Asynchronous);
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
                // Pruned by a concurrent delete between the two steps: create it again.
            }
        }
    }

    /// <summary>
    /// Renames a file to its place, creating the folder. A concurrent delete may prune that folder between the two
    /// steps (it removes folders it emptied), so a vanished folder is created again and the rename retried.
    /// </summary>
    private void MoveIntoPlace(string from, string to, bool overwrite)
    {
        for (var attempt = 0; ; attempt++)
        {
            CreateFolder(Path.GetDirectoryName(to)!);
            try
            {
                File.Move(from, to, overwrite);
                return;
            }
            catch (DirectoryNotFoundException) when (attempt < 5 && File.Exists(from))
            {
            }
        }
    }

    /// <summary>
    /// Creates a folder and its missing parents. A new folder is only an entry in its parent until the parent is
    /// flushed, so with durability on each new folder's parent is flushed, top-down, before anything is renamed into it.
    /// </summary>
    private void CreateFolder(string folder)
    {
        var missing = new Stack<string>();
        for (var current = folder; !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        Directory.CreateDirectory(folder);
        foreach (var created in missing)
        {
            SyncFolder(Path.GetDirectoryName(created)!);
        }
    }

    /// <summary>Removes the folders a delete left empty, up to (not including) the root, so staging folders do not pile up.</summary>
    private void PruneEmptyFolders(string folder)
    {
        var current = new DirectoryInfo(folder);
        while (current is not null && current.FullName.Length > _root.Length && current.FullName.StartsWith(_root, StringComparison.Ordinal))
        {
            try
            {
                if (current.EnumerateFileSystemInfos().Any())
                {
                    return;
                }

                current.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not empty after all (a writer got there first), or gone already: either way, done.
                return;
            }

            current = current.Parent;
        }
    }

    private void SyncFolder(string folder)
    {
        if (_durable)
        {
            DirectorySync.Flush(folder);
            FolderFlushed?.Invoke(folder);
        }
    }

    private void CheckTimestampPrecision()
    {
        var probe = Path.Combine(_pending, "precision-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(probe, []);
            var wanted = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
            File.SetLastWriteTimeUtc(probe, wanted);
            if (File.GetLastWriteTimeUtc(probe) != wanted)
            {
                throw new InvalidOperationException(
                    $"the file system of '{_root}' does not keep modification times to 100 ns, which the embedded blob store uses as ETags; put the data folder on ext4, xfs, btrfs, tmpfs or APFS");
            }
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
