using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Storage;

/// <summary>
/// Wires the blob store, the content-addressed store and the grain storage provider for the configured provider:
/// the folder store and <see cref="FileGrainStorage"/> on the embedded default, or Azure Blob storage and Orleans'
/// own <c>AddAzureBlobGrainStorage</c> (System.Text.Json state) with provider <c>azure</c>.
/// </summary>
public static class GridStorageExtensions
{
    /// <summary>Adds ModelGrid's storage to a silo.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="options">The storage options.</param>
    public static ISiloBuilder AddGridStorage(this ISiloBuilder silo, StorageOptions options)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        if (options.Provider == StorageNames.AzureProvider)
        {
            var service = new BlobServiceClient(options.ConnectionString);
            silo.Services.AddSingleton<IBlobStore>(new AzureBlobStore(service.GetBlobContainerClient(StorageNames.HubContainer)));
            silo.AddAzureBlobGrainStorage(StorageNames.GrainStorage, azure =>
            {
                azure.BlobServiceClient = service;
                azure.ContainerName = StorageNames.GrainStateContainer;
            });
        }
        else
        {
            var root = options.FullPath;
            silo.Services.AddSingleton<IBlobStore>(sp => new FileSystemBlobStore(
                new FileSystemBlobStoreOptions { Root = root, Durable = options.Durable },
                sp.GetService<TimeProvider>()));
            silo.AddFileGrainStorage(StorageNames.GrainStorage, file =>
            {
                file.RootDirectory = root;
                file.Durable = options.Durable;
            });
        }

        silo.Services.AddSingleton<ContentAddressedStore>();
        return silo;
    }
}
