using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Serialization;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ModelGrid.Storage.Tests.GrainStorage;

/// <summary>A one-silo in-process cluster wired with <see cref="GridStorageExtensions.AddGridStorage"/>, exposing the grain storage provider as Orleans resolves it.</summary>
public abstract class StorageCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IGrainStorage Storage => _cluster!.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStorage);

    public IServiceProvider Services => _cluster!.Silos[0].ServiceProvider;

    /// <summary>The name a damaged-record error gives the record of <paramref name="id"/>'s state.</summary>
    public abstract string RecordName(string stateName, GrainId id);

    /// <summary>Puts raw bytes where the provider keeps <paramref name="id"/>'s state, as a crash or a bad disk would leave them.</summary>
    public abstract Task PlantAsync(string stateName, GrainId id, byte[] content);

    /// <summary>The bytes stored for <paramref name="id"/>'s state, or null when there is no record.</summary>
    public abstract Task<byte[]?> ReadRawAsync(string stateName, GrainId id);

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddGridSerialization()));
        builder.ConfigureSilo((_, silo) => Configure(silo));
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

    protected abstract void Configure(ISiloBuilder silo);
}

public class FileStorageCluster : StorageCluster
{
    protected string Root { get; } = TestPaths.NewTempFolder("grain-state");

    public override string RecordName(string stateName, GrainId id) => StateRecordNames.For(stateName, id.Type.ToString()!, id.Key.ToString()!);

    public override async Task PlantAsync(string stateName, GrainId id, byte[] content)
    {
        var path = Path.Combine(Root, RecordName(stateName, id));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
    }

    public override async Task<byte[]?> ReadRawAsync(string stateName, GrainId id)
    {
        var path = Path.Combine(Root, RecordName(stateName, id));
        return File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
    }

    protected override void Configure(ISiloBuilder silo)
    {
        silo.AddGridStorage(new StorageOptions { Provider = StorageNames.FileSystemProvider, Path = Root });
        silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
    }
}

/// <summary>The file provider with <see cref="FileGrainStorageOptions.DeleteStateOnClear"/> off: clearing keeps a record that says so.</summary>
public sealed class KeepClearedFileStorageCluster : FileStorageCluster
{
    protected override void Configure(ISiloBuilder silo)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
        silo.AddFileGrainStorage(StorageNames.GrainStorage, options =>
        {
            options.RootDirectory = Root;
            options.DeleteStateOnClear = false;
        });
    }
}

public sealed class AzureStorageCluster(AzuriteFixture azurite) : StorageCluster
{
    public override string RecordName(string stateName, GrainId id) => $"{StorageNames.GrainStateContainer}/{BlobName(stateName, id)}";

    public override async Task PlantAsync(string stateName, GrainId id, byte[] content) =>
        await Container().GetBlobClient(BlobName(stateName, id)).UploadAsync(BinaryData.FromBytes(content), overwrite: true);

    public override async Task<byte[]?> ReadRawAsync(string stateName, GrainId id)
    {
        var blob = Container().GetBlobClient(BlobName(stateName, id));
        return await blob.ExistsAsync() ? (await blob.DownloadContentAsync()).Value.Content.ToArray() : null;
    }

    protected override void Configure(ISiloBuilder silo)
    {
        silo.AddGridStorage(new StorageOptions { Provider = StorageNames.AzureProvider, ConnectionString = azurite.ConnectionString });
        silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
    }

    private static string BlobName(string stateName, GrainId id) => $"{stateName}-{id}.json";

    private BlobContainerClient Container() => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.GrainStateContainer);
}
