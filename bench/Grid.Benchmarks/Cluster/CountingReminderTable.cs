using Microsoft.Extensions.DependencyInjection;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// Counts every operation a silo's reminder service makes on its table (registrations, removals, the reads that load
/// a silo's share of reminders) and passes it on: reminders are one of the stores every job touches.
/// </summary>
internal sealed class CountingReminderTable(IReminderTable inner, TableOps ops) : IReminderTable
{
    /// <summary>Wraps the reminder table registered last in <paramref name="services"/>.</summary>
    public static void Decorate(IServiceCollection services, TableOps ops)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IReminderTable) && !d.IsKeyedService);
        services.Remove(descriptor);
        services.AddSingleton<IReminderTable>(sp => new CountingReminderTable(Create(sp, descriptor), ops));
    }

    public Task Init() => inner.StartAsync(CancellationToken.None);

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        ops.Add("read (grain)");
        return inner.ReadRows(grainId, cancellationToken);
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        ops.Add("read (range)");
        return inner.ReadRows(begin, end, cancellationToken);
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ops.Add("read (row)");
        return inner.ReadRow(grainId, reminderName, cancellationToken);
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ops.Add("upsert");
        return inner.UpsertRow(entry, cancellationToken);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ops.Add("remove");
        return inner.RemoveRow(grainId, reminderName, eTag, cancellationToken);
    }

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();

    private static IReminderTable Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IReminderTable)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
