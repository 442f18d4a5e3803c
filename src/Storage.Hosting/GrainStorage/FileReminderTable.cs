using System.Text.Json;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>
/// The embedded default's reminder table: every reminder in one JSON record, <c>reminders/table.json</c> in the data
/// folder, replaced whole (write and rename, fsynced when the store is durable) on every change, so reminders survive
/// a crash of the process as grain state does. Reminders here are few — a job's pending follow-ups until they are
/// delivered, a queue partition's watchdog while it has leases out — so one small record is enough.
/// </summary>
public sealed class FileReminderTable(IBlobStore store) : IReminderTable, IDisposable
{
    /// <summary>The record that holds the table.</summary>
    public const string RecordName = "reminders/table.json";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<(GrainId Grain, string Name), ReminderEntry>? _rows;
    private long _version;

    /// <inheritdoc />
    public Task Init() => LoadAsync();

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var rows = await LoadAsync();
        return new ReminderTableData(Copy(rows.Values.Where(r => r.GrainId == grainId)));
    }

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var rows = await LoadAsync();
        return new ReminderTableData(Copy(rows.Values.Where(r =>
        {
            var hash = r.GrainId.GetUniformHashCode();
            return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
        })));
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await LoadAsync();
        return rows.TryGetValue((grainId, reminderName), out var row) ? Copy(row) : null;
    }

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _gate.WaitAsync();
        try
        {
            var rows = await LoadLockedAsync();
            var row = Copy(entry);
            row.ETag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows[(row.GrainId, row.ReminderName)] = row;
            await SaveLockedAsync(rows);
            return row.ETag;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await _gate.WaitAsync();
        try
        {
            var rows = await LoadLockedAsync();
            if (!rows.TryGetValue((grainId, reminderName), out var row) || row.ETag != eTag)
            {
                return false;
            }

            rows.Remove((grainId, reminderName));
            await SaveLockedAsync(rows);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task TestOnlyClearTable()
    {
        await _gate.WaitAsync();
        try
        {
            var rows = await LoadLockedAsync();
            rows.Clear();
            await SaveLockedAsync(rows);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static List<ReminderEntry> Copy(IEnumerable<ReminderEntry> rows) => [.. rows.Select(Copy)];

    private static ReminderEntry Copy(ReminderEntry row) => new()
    {
        GrainId = row.GrainId,
        ReminderName = row.ReminderName,
        StartAt = row.StartAt,
        Period = row.Period,
        ETag = row.ETag,
    };

    private async Task<Dictionary<(GrainId Grain, string Name), ReminderEntry>> LoadAsync()
    {
        if (_rows is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync();
        try
        {
            return await LoadLockedAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<(GrainId Grain, string Name), ReminderEntry>> LoadLockedAsync()
    {
        if (_rows is { } loaded)
        {
            return loaded;
        }

        var rows = new Dictionary<(GrainId Grain, string Name), ReminderEntry>();
        await using (var reader = await store.OpenReadAsync(RecordName))
        {
            if (reader is not null)
            {
                var stored = await JsonSerializer.DeserializeAsync<StoredTable>(reader.Content)
                    ?? throw new InvalidDataException($"the reminder table {RecordName} is empty");
                _version = stored.Version;
                foreach (var r in stored.Rows)
                {
                    var row = new ReminderEntry
                    {
                        GrainId = GrainId.Parse(r.Grain),
                        ReminderName = r.Name,
                        StartAt = r.StartAt,
                        Period = r.Period,
                        ETag = r.ETag,
                    };
                    rows[(row.GrainId, row.ReminderName)] = row;
                }
            }
        }

        _rows = rows;
        return rows;
    }

    private async Task SaveLockedAsync(Dictionary<(GrainId Grain, string Name), ReminderEntry> rows)
    {
        var stored = new StoredTable(
            _version,
            [.. rows.Values.OrderBy(r => r.GrainId.ToString(), StringComparer.Ordinal).ThenBy(r => r.ReminderName, StringComparer.Ordinal)
                .Select(r => new StoredRow(r.GrainId.ToString(), r.ReminderName, r.StartAt, r.Period, r.ETag ?? string.Empty))]);
        await store.PutAsync(RecordName, JsonSerializer.SerializeToUtf8Bytes(stored), WriteCondition.None);
    }

    private sealed record StoredTable(long Version, List<StoredRow> Rows);

    private sealed record StoredRow(string Grain, string Name, DateTime StartAt, TimeSpan Period, string ETag);
}
