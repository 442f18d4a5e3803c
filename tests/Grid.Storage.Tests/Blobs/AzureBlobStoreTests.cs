using Azure.Storage.Blobs;
using ModelGrid.Storage.Blobs;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Blobs;

public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreContract
{
    private readonly AzureBlobStore _store = new(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient($"t{Guid.NewGuid():N}"));

    protected override IBlobStore Store => _store;
}
