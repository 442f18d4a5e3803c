using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModelGrid.Hub;
using ModelGrid.Serialization;
using ModelGrid.Storage;
using ModelGrid.Storage.Content;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ModelGrid.Grains.Tests;

/// <summary>One in-process silo with the grid's grains on the embedded store in a temporary folder, and a fake clock.</summary>
public sealed class HubCluster : IAsyncLifetime
{
    private readonly string _root = TestPaths.NewTempFolder("grains");
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public IGrainFactory Grains => _cluster!.Client;

    public InProcessTestCluster Cluster => _cluster!;

    /// <summary>The data folder of the embedded store, for tests that damage a record on disk.</summary>
    public string DataPath => _root;

    public ContentAddressedStore Content => _cluster!.Silos[0].ServiceProvider.GetRequiredService<ContentAddressedStore>();

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

    /// <summary>The file of a grain's state record under <see cref="DataPath"/>.</summary>
    public string RecordPath(string stateName, string grainType, string key) =>
        Path.Combine(_root, StateRecordNames.For(stateName, grainType, key));

    /// <summary>Ends a grain's activation, so the next call reads its state record again.</summary>
    public async Task DeactivateAsync(IAddressable grain) =>
        await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(grain.GetGrainId(), TestContext.Current.CancellationToken);

    /// <summary>A new model with a unique name in <paramref name="owner"/>'s namespace.</summary>
    public async Task<(ModelId Id, IModelGrain Grain)> NewModelAsync(string owner = "alice", ModelVisibility visibility = ModelVisibility.Public)
    {
        var id = new ModelId(owner, $"m-{Guid.NewGuid():N}"[..20]);
        var grain = Grains.GetGrain<IModelGrain>(id.ToString());
        await grain.Create(new ModelCreate("a test model", "image-classification", "MIT", ["test"], visibility), "tester");
        return (id, grain);
    }

    /// <summary>Stores content in the hub's content-addressed store and returns its manifest entry.</summary>
    public async Task<ManifestFile> StoreAsync(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await Content.IngestAsync(new MemoryStream(bytes), bytes.Length, sha, TestContext.Current.CancellationToken);
        return new ManifestFile(path, bytes.Length, sha);
    }

    /// <summary>Opens a draft of the given files, marks them present and publishes it.</summary>
    public async Task<VersionDetails> PublishAsync(ModelId id, params ManifestFile[] files)
    {
        var model = Grains.GetGrain<IModelGrain>(id.ToString());
        var draft = await model.CreateDraft(new DraftRequest(files, null), "tester");
        foreach (var file in files)
        {
            await Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number)).MarkPresent(file);
        }

        return await model.Publish(draft.Number, "tester");
    }
}

[CollectionDefinition(Name)]
public sealed class HubClusterGroup : ICollectionFixture<HubCluster>
{
    public const string Name = "hub cluster";
}
