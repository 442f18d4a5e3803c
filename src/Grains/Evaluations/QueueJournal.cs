using System.Text;
using System.Text.Json;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// A queue partition's persisted index: a snapshot (<c>queues/{partition}/snapshot.json</c>) and an append-only
/// change log of fixed 34-byte records (<c>queues/{partition}/log-{generation}</c>: change byte, job id as 32 hex,
/// newline). An operation appends one record; compaction writes a new snapshot and starts the next generation's log
/// only when the log holds more than twice as many records as the index has ids, so its cost is O(1) per operation.
/// </summary>
internal sealed class QueueJournal(IBlobStore blobs, string partition, int compactionRecords)
{
    /// <summary>The length of one change-log record.</summary>
    public const int RecordBytes = 34;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private long _generation;
    private long _length;
    private long _records;

    /// <summary>Records in the current log.</summary>
    public long Records => _records;

    /// <summary>Rebuilds <paramref name="index"/> from the snapshot and the log; a torn last record (a crash mid-append) is dropped by compacting.</summary>
    public async Task LoadAsync(JobQueueIndex index, CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(QueueLayout.Snapshot(partition), cancellationToken);
        if (snapshot is not null)
        {
            var stored = JsonSerializer.Deserialize<QueueSnapshot>(snapshot, Json)
                ?? throw new InvalidDataException($"the queue snapshot of '{partition}' is empty");
            _generation = stored.Generation;
            foreach (var id in stored.Queued)
            {
                index.Enqueue(id);
            }

            foreach (var id in stored.InFlight)
            {
                index.Watch(id, DateTimeOffset.MinValue);
            }
        }

        var torn = false;
        var log = await ReadAsync(QueueLayout.Log(partition, _generation), cancellationToken);
        if (log is not null)
        {
            var whole = log.Length / RecordBytes;
            for (var i = 0; i < whole; i++)
            {
                var (change, id) = Parse(log.AsSpan(i * RecordBytes, RecordBytes), i);
                index.Apply(change, id);
            }

            _length = log.Length;
            _records = whole;
            torn = log.Length % RecordBytes != 0;
        }

        await DeleteOtherLogsAsync(cancellationToken);
        if (torn)
        {
            await CompactAsync(index, cancellationToken);
        }
    }

    /// <summary>Appends one record.</summary>
    public async Task AppendAsync(QueueChange change, Guid id, CancellationToken cancellationToken = default)
    {
        var record = new byte[RecordBytes];
        record[0] = (byte)change;
        Span<char> hex = stackalloc char[32];
        id.TryFormat(hex, out _, "N");
        Encoding.ASCII.GetBytes(hex, record.AsSpan(1));
        record[RecordBytes - 1] = (byte)'\n';
        using var content = new MemoryStream(record, writable: false);
        _length = await blobs.AppendAsync(QueueLayout.Log(partition, _generation), _length, content, cancellationToken);
        _records++;
    }

    /// <summary>Whether the log has grown enough, relative to the index, to be worth compacting.</summary>
    public bool ShouldCompact(JobQueueIndex index) => _records >= compactionRecords && _records > 2L * index.Count;

    /// <summary>Writes the index as the next generation's snapshot and starts that generation's empty log.</summary>
    public async Task CompactAsync(JobQueueIndex index, CancellationToken cancellationToken = default)
    {
        var next = _generation + 1;
        var snapshot = new QueueSnapshot(next, [.. index.Queued], [.. index.InFlight]);
        await blobs.PutAsync(QueueLayout.Snapshot(partition), JsonSerializer.SerializeToUtf8Bytes(snapshot, Json), WriteCondition.None, cancellationToken);
        var previous = QueueLayout.Log(partition, _generation);
        _generation = next;
        _length = 0;
        _records = 0;
        await blobs.DeleteAsync(previous, null, cancellationToken);
    }

    private static (QueueChange Change, Guid Id) Parse(ReadOnlySpan<byte> record, int number)
    {
        Span<char> hex = stackalloc char[32];
        Encoding.ASCII.GetChars(record.Slice(1, 32), hex);
        var change = (QueueChange)record[0];
        if (record[RecordBytes - 1] != (byte)'\n' || !Enum.IsDefined(change) || !Guid.TryParseExact(hex, "N", out var id))
        {
            throw new InvalidDataException($"record {number} of a queue change log is malformed");
        }

        return (change, id);
    }

    private async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var reader = await blobs.OpenReadAsync(name, null, cancellationToken);
        if (reader is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Removes logs of earlier generations a crash left between writing a snapshot and deleting the log it replaced.</summary>
    private async Task DeleteOtherLogsAsync(CancellationToken cancellationToken)
    {
        var current = QueueLayout.Log(partition, _generation);
        var stale = new List<string>();
        await foreach (var blob in blobs.ListAsync(QueueLayout.LogPrefix(partition), cancellationToken))
        {
            if (blob.Name != current)
            {
                stale.Add(blob.Name);
            }
        }

        foreach (var name in stale)
        {
            await blobs.DeleteAsync(name, null, cancellationToken);
        }
    }
}
