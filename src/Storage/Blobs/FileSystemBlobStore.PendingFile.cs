namespace ModelGrid.Storage.Blobs;

public sealed partial class FileSystemBlobStore
{
    /// <summary>A write into a private file that a commit renames over the target.</summary>
    private sealed class PendingFile(FileSystemBlobStore store, string name, string target, string temp, FileStream stream) : IPendingBlob
    {
        private bool _closed;

        public long Length { get; private set; }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            await stream.WriteAsync(data, cancellationToken);
            Length += data.Length;
        }

        public async Task<CommitOutcome> CommitAsync(WriteCondition condition, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (store._durable)
            {
                stream.Flush(flushToDisk: true);
            }

            await stream.DisposeAsync();
            _closed = true;

            var gate = store.LockFor(name);
            await gate.WaitAsync(cancellationToken);
            try
            {
                var current = new FileInfo(target);
                if (condition.IfNotExists && current.Exists)
                {
                    File.Delete(temp);
                    return CommitOutcome.AlreadyExisted;
                }

                if (condition.IfMatch is not null && (!current.Exists || ETagOf(current.LastWriteTimeUtc) != condition.IfMatch))
                {
                    File.Delete(temp);
                    throw new BlobConditionFailedException(name);
                }

                File.SetLastWriteTimeUtc(temp, new DateTime(store.NextStamp(target), DateTimeKind.Utc));
                store.MoveIntoPlace(temp, target, overwrite: !condition.IfNotExists);
                store.SyncFolder(Path.GetDirectoryName(target)!);
                return CommitOutcome.Created;
            }
            finally
            {
                gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_closed)
            {
                _closed = true;
                await stream.DisposeAsync();
            }

            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
