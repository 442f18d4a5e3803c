using System.Globalization;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>One reminder table in memory for every silo of the simulation, as one table serves a whole cluster.</summary>
internal sealed class MemoryReminderTable : IReminderTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> _rows = [];
    private long _version;

    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        lock (_gate)
        {
            return Task.FromResult(new ReminderTableData([.. _rows.Values.Where(r => r.GrainId == grainId).Select(Copy)]));
        }
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        lock (_gate)
        {
            return Task.FromResult(new ReminderTableData([.. _rows.Values.Where(r =>
            {
                var hash = r.GrainId.GetUniformHashCode();
                return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
            }).Select(Copy)]));
        }
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? Copy(row) : null);
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var row = Copy(entry);
            row.ETag = (++_version).ToString(CultureInfo.InvariantCulture);
            _rows[(row.GrainId, row.ReminderName)] = row;
            return Task.FromResult<string?>(row.ETag);
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) && row.ETag == eTag && _rows.Remove((grainId, reminderName)));
        }
    }

    public Task TestOnlyClearTable()
    {
        lock (_gate)
        {
            _rows.Clear();
        }

        return Task.CompletedTask;
    }

    private static ReminderEntry Copy(ReminderEntry row) => new()
    {
        GrainId = row.GrainId,
        ReminderName = row.ReminderName,
        StartAt = row.StartAt,
        Period = row.Period,
        ETag = row.ETag,
    };
}
