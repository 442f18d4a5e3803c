using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Serialization;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;
using ModelGrid.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ModelGrid.Grains.Tests.Evaluations;

/// <summary>
/// One in-process silo with the job grains on the embedded store in a temporary folder, and a fake clock. The
/// periodic sweep, the queue's watchdog and the follow-ups' retries are set far apart, so tests advance the clock and
/// call <c>Sweep()</c> themselves (DESIGN §9.3); a cluster started with fast reminders lets the reminders do it.
/// </summary>
public sealed class JobCluster : IAsyncLifetime
{
    public const int MaxAttempts = 3;
    public const int LogLines = 10;
    public const int Partitions = 2;
    public const int CompactionRecords = 64;

    private readonly bool _ownsFolder;
    private readonly bool _fastReminders;
    private InProcessTestCluster? _cluster;

    public JobCluster()
        : this(TestPaths.NewTempFolder("jobs"), ownsFolder: true, fastReminders: false)
    {
    }

    private JobCluster(string root, bool ownsFolder, bool fastReminders)
    {
        Root = root;
        _ownsFolder = ownsFolder;
        _fastReminders = fastReminders;
    }

    /// <summary>The reminder period of a cluster started with fast reminders: the watchdog's and the follow-ups' retry.</summary>
    public static TimeSpan FastReminderPeriod { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan Lease { get; } = TimeSpan.FromMinutes(1);

    public static WorkerCapabilities CpuWorker { get; } = new("cpu-worker", false, ["CPU"], 8L << 30);

    public static WorkerCapabilities GpuWorker { get; } = new("gpu-worker", true, ["CUDA", "CPU"], 16L << 30);

    public string Root { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public IGrainFactory Grains => _cluster!.Client;

    public IBlobStore Blobs => _cluster!.Silos[0].ServiceProvider.GetRequiredService<IBlobStore>();

    public EvaluationSubmitter Submitter => new(Grains, Blobs, Microsoft.Extensions.Options.Options.Create(Options(_fastReminders)));

    /// <summary>The silo's reminder table, to see which reminders a grain holds.</summary>
    public IReminderTable Reminders => _cluster!.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();

    public Storage.Content.ContentAddressedStore Content => _cluster!.Silos[0].ServiceProvider.GetRequiredService<Storage.Content.ContentAddressedStore>();

    /// <summary>
    /// A cluster on an existing data folder that it leaves in place when disposed (for restarts). With
    /// <paramref name="fastReminders"/>, reminders tick every <see cref="FastReminderPeriod"/> instead of every minute.
    /// </summary>
    public static async Task<JobCluster> StartAsync(string root, bool fastReminders = false)
    {
        var cluster = new JobCluster(root, ownsFolder: false, fastReminders);
        await cluster.InitializeAsync();
        return cluster;
    }

    public static JobOptions Options(bool fastReminders = false) => new()
    {
        MaxAttempts = MaxAttempts,
        Partitions = Partitions,
        SweepSeconds = 3_600,
        WatchdogSeconds = fastReminders ? (int)FastReminderPeriod.TotalSeconds : 3_600,
        FollowUpRetrySeconds = fastReminders ? (int)FastReminderPeriod.TotalSeconds : 3_600,
        LogLines = LogLines,
        LogBytes = 2_048,
        QueueCompactionRecords = CompactionRecords,
    };

    /// <summary>A spec with a revision of its own, so its dedup key is new.</summary>
    public static JobSpec NewSpec(bool gpu = false, bool perHardware = false, string? revision = null) => new(
        new ModelId("alice", "mnist"),
        1,
        revision ?? Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        "mnist-accuracy@1",
        new string('d', 64),
        "grid-eval/0.1",
        gpu ? HardwareClasses.Gpu : HardwareClasses.Cpu,
        gpu,
        perHardware,
        "tester");

    /// <summary>Records a new job (not on any queue).</summary>
    public async Task<IEvaluationJobGrain> NewJobAsync(bool gpu = false)
    {
        var job = Grains.GetGrain<IEvaluationJobGrain>(Guid.NewGuid());
        await job.Submit(NewSpec(gpu));
        return job;
    }

    /// <summary>A queue partition no other test uses.</summary>
    public IJobQueueGrain NewQueue() => Grains.GetGrain<IJobQueueGrain>($"cpu-t{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        var storage = new StorageOptions { Provider = StorageNames.FileSystemProvider, Path = Root, Durable = false };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddGridSerialization()));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridStorage(storage);
            silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options(_fastReminders)));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = FastReminderPeriod);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }

        if (_ownsFolder)
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class JobClusterGroup : ICollectionFixture<JobCluster>
{
    public const string Name = "job cluster";
}
