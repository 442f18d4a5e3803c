using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage;
using ModelGrid.Testing;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// A silo of the benchmark's cluster, in this process (the API silo that submits) or in a worker process: the grid's
/// own <see cref="ClusterHosting.ConfigureGridCluster"/> with Azure Table membership and reminders and Azure blob
/// storage on the run's Azurite, its own free loopback ports, and failure detection relaxed for a loaded host.
/// </summary>
internal static class ClusterSilos
{
    public const string ServiceId = "modelgrid-cluster-bench";

    public static DispatchSiloSetup Setup(string connectionString, string clusterId, int partitions, int slots, string workerId, SiloProbe probe, IJobExecutor executor)
    {
        var ports = FreePorts.Take(2);
        var storage = new StorageOptions { Provider = StorageNames.AzureProvider, ConnectionString = connectionString };
        var cluster = new GridClusterOptions
        {
            Provider = GridClusterOptions.AzureProvider,
            ClusterId = clusterId,
            ServiceId = ServiceId,
            SiloPort = ports[0],
            GatewayPort = ports[1],

            // Relaxed from the grid's defaults (2 s, two missed): on a shared, overloaded host those voted healthy
            // but starved worker silos dead mid-run, and a silo declared dead stops its process.
            ProbeTimeout = TimeSpan.FromSeconds(10),
            MissedProbesLimit = 3,
        };
        var jobs = new JobOptions { Partitions = partitions };
        return new DispatchSiloSetup(
            storage,
            partitions,
            slots,
            workerId,
            probe,
            _ => executor,
            silo =>
            {
                silo.ConfigureGridCluster(cluster, storage, jobs);
                CountingReminderTable.Decorate(silo.Services, probe.Reminders);
                CountingMembershipTable.Decorate(silo.Services, probe.Membership);
            });
    }
}
