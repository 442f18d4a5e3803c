using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ModelGrid.Storage.Tests.GrainStorage;

/// <summary>A one-silo in-process cluster wired with <see cref="GridStorageExtensions.AddGridStorage"/>, exposing the grain storage provider as Orleans resolves it.</summary>
public abstract class StorageCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IGrainStorage Storage => _cluster!.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStorage);

    protected abstract StorageOptions Options { get; }

    public async ValueTask InitializeAsync()
    {
        var options = Options;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddGridStorage(options));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class FileStorageCluster : StorageCluster
{
    private readonly string _root = TestPaths.NewTempFolder("grain-state");

    protected override StorageOptions Options => new() { Provider = StorageNames.FileSystemProvider, Path = _root };
}

public sealed class AzureStorageCluster(AzuriteFixture azurite) : StorageCluster
{
    protected override StorageOptions Options => new() { Provider = StorageNames.AzureProvider, ConnectionString = azurite.ConnectionString };
}
