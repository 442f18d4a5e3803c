using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Storage;
using Orleans.Configuration;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>How a silo joins its cluster: membership and reminders, the addresses it listens on and advertises, and failure detection.</summary>
public static class ClusterHosting
{
    /// <summary>Configures clustering from <c>Grid:Cluster</c>: one loopback silo by default, Azure Table membership for several.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="cluster">The cluster options.</param>
    /// <param name="storage">The storage options (Azure membership shares their connection string).</param>
    /// <param name="jobs">The job options (reminder periods).</param>
    /// <exception cref="OptionsValidationException">The configuration cannot form a cluster.</exception>
    public static ISiloBuilder ConfigureGridCluster(this ISiloBuilder silo, GridClusterOptions cluster, StorageOptions storage, JobOptions jobs)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });

        if (cluster.Provider == GridClusterOptions.AzureProvider)
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                throw new OptionsValidationException(GridClusterOptions.Section, typeof(GridClusterOptions), ["Grid:Cluster:Provider is 'azure' but Grid:Storage:ConnectionString is not set"]);
            }

            var tables = new TableServiceClient(storage.ConnectionString);
            silo.UseAzureStorageClustering(o => o.TableServiceClient = tables);
            silo.UseAzureTableReminderService(o => o.TableServiceClient = tables);
            silo.ConfigureEndpoints(AdvertisedAddress.Resolve(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, cluster.ListenOnAnyAddress);
            silo.Configure<ClusterMembershipOptions>(o => ApplyFailureDetection(o, cluster));
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            if (storage.Provider != StorageNames.FileSystemProvider)
            {
                // The embedded store keeps reminders in its folder (AddGridStorage); one silo on Azure storage keeps them in memory.
                silo.UseInMemoryReminderService();
            }
        }

        // Orleans refuses reminders more frequent than a minute unless told otherwise; the job options say how often.
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = jobs.ShortestReminderPeriod);
        return silo;
    }

    /// <summary>
    /// A dead silo is voted out after about <c>ProbeTimeout × MissedProbesLimit</c> (two voters: it takes two), and
    /// its grains answer elsewhere once the others learn of it by gossip or at the next table refresh.
    /// </summary>
    /// <param name="membership">Orleans' membership options.</param>
    /// <param name="cluster">The configured timings.</param>
    public static void ApplyFailureDetection(ClusterMembershipOptions membership, GridClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(cluster);
        membership.ProbeTimeout = cluster.ProbeTimeout;
        membership.NumMissedProbesLimit = cluster.MissedProbesLimit;
        membership.TableRefreshTimeout = cluster.TableRefreshTimeout;
        membership.IAmAliveTablePublishTimeout = cluster.IAmAlivePublishTimeout;
    }
}
