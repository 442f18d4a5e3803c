using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Serialization;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage;
using ModelGrid.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;
using Options = Microsoft.Extensions.Options.Options;

namespace ModelGrid.Silo.Tests.Worker;

/// <summary>
/// One in-process silo with the job grains on the embedded store and a fake clock that nobody advances, so no
/// lease expires by time; workers are started by the tests themselves on the real clock (their polls and heartbeats).
/// </summary>
public sealed class WorkerCluster : IAsyncLifetime
{
    private readonly string _root = TestPaths.NewTempFolder("worker");
    private InProcessTestCluster? _cluster;

    /// <summary>Three seconds, so the heartbeat renews every second.</summary>
    public static JobOptions Jobs { get; } = new() { LeaseSeconds = 3, Partitions = 2, SweepSeconds = 3_600, LogLines = 100 };

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public IGrainFactory Grains => _cluster!.Client;

    public EvaluationSubmitter Submitter => new(Grains, _cluster!.Silos[0].ServiceProvider.GetRequiredService<Storage.Blobs.IBlobStore>(), Options.Create(Jobs));

    /// <summary>The weight cache folder the workers' redactor knows (nothing is cached there).</summary>
    public string CacheFolder => Path.Combine(_root, "cache", "weights");

    /// <summary>The data folder the workers' redactor knows.</summary>
    public string DataFolder => _root;

    /// <summary>
    /// A real worker with one slot over the cluster's partitions, leasing for <paramref name="leaseSeconds"/> (renewing
    /// every third of it) and reading the job's status every <paramref name="cancelCheck"/> (default: a second).
    /// </summary>
    public EvaluationWorker NewWorker(IJobExecutor executor, bool gpu = false, int? leaseSeconds = null, TimeSpan? cancelCheck = null) => new(
        Grains,
        new FixedCapabilities(new WorkerCapabilities(gpu ? "test-gpu" : "test-cpu", gpu, gpu ? ["CUDA", "CPU"] : ["CPU"], 1L << 30)),
        Options.Create(new WorkerOptions { Slots = 1, MaxIdleDelay = TimeSpan.FromMilliseconds(100), CancelCheckInterval = cancelCheck ?? TimeSpan.FromSeconds(1) }),
        Options.Create(new JobOptions { LeaseSeconds = leaseSeconds ?? Jobs.LeaseSeconds, Partitions = Jobs.Partitions, SweepSeconds = Jobs.SweepSeconds, LogLines = Jobs.LogLines }),
        TimeProvider.System,
        PathRedactor.ForWorker(CacheFolder, DataFolder),
        new WorkerBackoff(Options.Create(new WorkerBackoffOptions()), TimeProvider.System, NullLogger<WorkerBackoff>.Instance),
        NullLogger<EvaluationWorker>.Instance,
        executor);

    /// <summary>A spec with a revision of its own.</summary>
    public static JobSpec NewSpec(bool gpu = false) => new(
        new ModelId("alice", "mnist"),
        1,
        Convert.ToHexStringLower([.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()]),
        "mnist-accuracy@1",
        new string('d', 64),
        "grid-eval/0.1",
        gpu ? HardwareClasses.Gpu : HardwareClasses.Cpu,
        gpu,
        false,
        "tester");

    public async ValueTask InitializeAsync()
    {
        var storage = new StorageOptions { Provider = StorageNames.FileSystemProvider, Path = _root, Durable = false };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddGridSerialization()));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridStorage(storage);
            silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddSingleton(Options.Create(Jobs));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private sealed class FixedCapabilities(WorkerCapabilities capabilities) : IWorkerCapabilitiesProvider
    {
        public WorkerCapabilities Get() => capabilities;
    }
}

[CollectionDefinition(Name)]
public sealed class WorkerClusterGroup : ICollectionFixture<WorkerCluster>
{
    public const string Name = "worker cluster";
}
