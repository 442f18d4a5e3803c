using Microsoft.Extensions.DependencyInjection;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// Counts every operation a silo's membership makes on its table (the reads of the whole table, its I-am-alive writes,
/// joins and votes) and passes it on: a cluster's table load grows with its silos, whatever the jobs do.
/// </summary>
internal sealed class CountingMembershipTable(IMembershipTable inner, TableOps ops) : IMembershipTable
{
    /// <summary>Wraps the membership table registered last in <paramref name="services"/>.</summary>
    public static void Decorate(IServiceCollection services, TableOps ops)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IMembershipTable) && !d.IsKeyedService);
        services.Remove(descriptor);
        services.AddSingleton<IMembershipTable>(sp => new CountingMembershipTable(
            (IMembershipTable)(descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!)),
            ops));
    }

    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    public Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken) =>
        Count("initialize", inner.InitializeMembershipTableAsync(tryInitTableVersion, cancellationToken));

    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken) =>
        Count("delete entries", inner.DeleteMembershipTableEntriesAsync(clusterId, cancellationToken));

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) =>
        Count("clean up defunct", inner.CleanupDefunctSiloEntriesAsync(beforeDate, cancellationToken));

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken) =>
        Count("read row", inner.ReadRowAsync(key, cancellationToken));

    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) =>
        Count("read all", inner.ReadAllAsync(cancellationToken));

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) =>
        Count("insert row", inner.InsertRowAsync(entry, tableVersion, cancellationToken));

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken) =>
        Count("update row", inner.UpdateRowAsync(entry, etag, tableVersion, cancellationToken));

    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
        Count("I am alive", inner.UpdateIAmAliveAsync(entry, cancellationToken));

    private T Count<T>(string operation, T call)
    {
        ops.Add(operation);
        return call;
    }
}
