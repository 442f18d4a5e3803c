using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Storage;

/// <summary>
/// Wires the blob store, the content-addressed store and the grain storage provider for the configured provider:
/// the folder store and <see cref="FileGrainStorage"/> on the embedded default, or Azure Blob storage and Orleans'
/// own <c>AddAzureBlobGrainStorage</c> (System.Text.Json state, wrapped so a damaged record is reported as on the
/// embedded store) with provider <c>azure</c>; and <see cref="GrainStateRecords"/>, the state records seen as blobs.
/// The embedded default also keeps Orleans' reminders in the folder (<see cref="FileReminderTable"/>); with
/// provider <c>azure</c> the cluster's configuration chooses the reminder service.
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

                // Deleting on clear is what lets an empty blob count as damage (DamageCheckingGrainStorage).
                azure.DeleteStateOnClear = true;
            });
            silo.Services.AddSingleton(sp => GrainStateRecords.ForAzureContainer(
                new AzureBlobStore(service.GetBlobContainerClient(StorageNames.GrainStateContainer)),
                StorageNames.GrainStateContainer,
                sp.GetService<TimeProvider>() ?? TimeProvider.System));
            DamageCheckingGrainStorage.Decorate(silo.Services, StorageNames.GrainStorage);
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
            silo.Services.AddSingleton(sp => GrainStateRecords.ForFolder(
                sp.GetRequiredService<IBlobStore>(), root, sp.GetService<TimeProvider>() ?? TimeProvider.System));

            // Reminders drive work that must survive a crash (a job's follow-ups, a partition's watchdog), so the
            // embedded default keeps them in the data folder, not in memory.
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(sp => new FileReminderTable(sp.GetRequiredService<IBlobStore>()));
        }

        silo.Services.AddSingleton<ContentAddressedStore>();
        return silo;
    }
}
