using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelGrid.Serialization;
using ModelGrid.Silo.Demo;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Storage;
using ModelGrid.Storage.Content;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;
using Options = Microsoft.Extensions.Options.Options;

namespace ModelGrid.Silo.Tests.Demo;

/// <summary>One in-process silo with the hub's grains on the embedded store, and the demo's sample publisher over it.</summary>
public sealed class DemoCluster : IAsyncLifetime
{
    private readonly string _root = TestPaths.NewTempFolder("demo");
    private InProcessTestCluster? _cluster;

    public IGrainFactory Grains => _cluster!.Client;

    public ContentAddressedStore Content => _cluster!.Silos[0].ServiceProvider.GetRequiredService<ContentAddressedStore>();

    /// <summary>The publisher the evaluation demo uses, reading the repository's own sample models.</summary>
    public SamplePublisher Samples => new(
        Grains,
        Content,
        new DemoVersions(Grains, NullLogger<DemoVersions>.Instance),
        Options.Create(new EvaluationOptions { SuitesPath = Path.Combine(TestPaths.RepositoryRoot, "eval-suites") }),
        NullLogger<SamplePublisher>.Instance);

    /// <summary>The file of a grain's state record in the embedded store.</summary>
    public string StateFile(string stateName, string grainType, string key) =>
        Path.Combine(_root, StateRecordNames.For(stateName, grainType, key));

    public async ValueTask InitializeAsync()
    {
        var storage = new StorageOptions { Provider = StorageNames.FileSystemProvider, Path = _root, Durable = false };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddGridSerialization()));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGridStorage(storage);
            silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
            silo.Services.AddSingleton(TimeProvider.System);
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
}

[CollectionDefinition(Name)]
public sealed class DemoClusterGroup : ICollectionFixture<DemoCluster>
{
    public const string Name = "demo cluster";
}
