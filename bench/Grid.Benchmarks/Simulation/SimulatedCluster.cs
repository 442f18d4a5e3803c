using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelGrid.Benchmarks.Cluster;
using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;
using ModelGrid.Testing;
using Orleans.Runtime.Hosting;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>
/// Many real silos in this process, clustered over loopback TCP (development membership on the first silo), each
/// with the grid's grains, submitter and worker service. They share one in-memory grain store, one reminder table
/// and one queue-log folder (not flushed), so nothing but the dispatch protocol itself costs time.
/// </summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    private const string ClusterId = "dispatch-simulation";
    private const string ServiceId = "modelgrid-dispatch-simulation";
    private static readonly string[] ShutdownCategories = ["Orleans.Grain", "Orleans.Runtime.ReminderService", "Orleans.Runtime.SiloLifecycleSubject", "Orleans.Runtime.GrainDirectory"];
    private readonly List<DispatchSilo> _silos = [];
    private CompletionCounter? _counter;

    private SimulatedCluster() => Probe = new SiloProbe(new JobOptions().Lease, timestamp => _counter?.Add(timestamp));

    public IReadOnlyList<DispatchSilo> Silos => _silos;

    public SiloProbe Probe { get; }

    public SharedMemoryGrainStorage Storage { get; } = new();

    /// <summary>Where the completions of the running cell go.</summary>
    public CompletionCounter? Counter
    {
        get => _counter;
        set => _counter = value;
    }

    public static async Task<SimulatedCluster> StartAsync(int silos, string scratch, Action<string> log, CancellationToken cancellationToken)
    {
        var cluster = new SimulatedCluster();
        try
        {
            var blobs = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = scratch, Durable = false }, TimeProvider.System);
            var reminders = new CountingReminderTable(new MemoryReminderTable(), cluster.Probe.Reminders);
            var executor = new TimedJobExecutor(cluster.Probe, TimeProvider.System);
            var ports = FreePorts.Take(2 * silos);
            var primary = new IPEndPoint(IPAddress.Loopback, ports[0]);
            DispatchSiloSetup Setup(int i) => new(
                null,
                new JobOptions().Partitions,
                1,
                $"sim-silo-{i}",
                cluster.Probe,
                _ => executor,
                silo =>
                {
                    silo.UseLocalhostClustering(ports[2 * i], ports[(2 * i) + 1], primary, ServiceId, ClusterId);
                    silo.Services.AddSingleton<IBlobStore>(blobs);
                    silo.Services.AddSingleton<ContentAddressedStore>();
                    silo.Services.AddGrainStorage(StorageNames.GrainStorage, (_, _) => cluster.Storage);
                    silo.AddReminders();
                    silo.Services.AddSingleton<IReminderTable>(reminders);
                    silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = new JobOptions().ShortestReminderPeriod);
                },
                Logging: logging =>
                {
                    // Silos leaving together at the end of a run fail to hand over directory entries and reminder
                    // ranges to one another; that is shutdown, not dispatch, and would bury the run's log.
                    foreach (var category in ShutdownCategories)
                    {
                        logging.AddFilter(category, LogLevel.None);
                    }
                });

            cluster._silos.Add(await DispatchSilo.StartAsync(Setup(0), cancellationToken));
            foreach (var batch in Enumerable.Range(1, silos - 1).Chunk(4))
            {
                cluster._silos.AddRange(await Task.WhenAll(batch.Select(i => DispatchSilo.StartAsync(Setup(i), cancellationToken))));
                log($"  {cluster._silos.Count} of {silos} silos started");
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Sets the queue partition count every silo's submitter, job grains and worker use from now on.</summary>
    public void SetPartitions(int partitions)
    {
        foreach (var silo in _silos)
        {
            silo.Services.GetRequiredService<IOptions<JobOptions>>().Value.Partitions = partitions;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Every silo but the first (which holds the membership table) leaves first.
        foreach (var batch in _silos.Skip(1).Reverse().Chunk(4))
        {
            await Task.WhenAll(batch.Select(s => s.DisposeAsync().AsTask()));
        }

        if (_silos.Count > 0)
        {
            await _silos[0].DisposeAsync();
        }
    }
}
