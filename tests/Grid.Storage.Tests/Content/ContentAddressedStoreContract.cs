using System.IO.Pipelines;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Content;

public abstract class ContentAddressedStoreContract
{
    protected abstract IBlobStore Blobs { get; }

    private ContentAddressedStore Store => new(Blobs);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestAsync_MatchingContent_StoresItAtItsDigest()
    {
        var content = RandomNumberGenerator.GetBytes(3_000_000);
        var digest = Convert.ToHexStringLower(SHA256.HashData(content));

        var result = await Store.IngestAsync(new MemoryStream(content), content.Length, digest, Ct);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Equal($"blobs/sha256/{digest[..2]}/{digest}", ContentAddressedStore.BlobName(digest));
        await using var reader = await Store.OpenReadAsync(digest, null, Ct);
        Assert.Equal(SHA256.HashData(content), await SHA256.HashDataAsync(reader!.Content, Ct));
    }

    [Fact]
    public async Task IngestAsync_WrongDigest_StoresNothing()
    {
        var content = RandomNumberGenerator.GetBytes(1000);
        var claimed = Convert.ToHexStringLower(SHA256.HashData(RandomNumberGenerator.GetBytes(10)));

        var error = await Assert.ThrowsAsync<ContentMismatchException>(() => Store.IngestAsync(new MemoryStream(content), content.Length, claimed, Ct));

        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(content)), error.Message, StringComparison.Ordinal);
        Assert.False(await Store.ExistsAsync(claimed, Ct));
        await AssertNoContentBlobsAsync();
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1001)]
    public async Task IngestAsync_WrongSize_StoresNothing(int declared)
    {
        var content = RandomNumberGenerator.GetBytes(1000);
        var digest = Convert.ToHexStringLower(SHA256.HashData(content));

        await Assert.ThrowsAsync<ContentMismatchException>(() => Store.IngestAsync(new MemoryStream(content), declared, digest, Ct));

        Assert.False(await Store.ExistsAsync(digest, Ct));
    }

    [Fact]
    public async Task IngestAsync_KnownDigest_VerifiesAndDropsTheCopy()
    {
        var content = RandomNumberGenerator.GetBytes(5000);
        var digest = Convert.ToHexStringLower(SHA256.HashData(content));
        await Store.IngestAsync(new MemoryStream(content), content.Length, digest, Ct);
        var before = await Blobs.GetInfoAsync(ContentAddressedStore.BlobName(digest), Ct);

        var again = await Store.IngestAsync(PipeReader.Create(new MemoryStream(content)), content.Length, digest, Ct);
        var corrupted = (byte[])content.Clone();
        corrupted[17] ^= 1;
        await Assert.ThrowsAsync<ContentMismatchException>(() => Store.IngestAsync(new MemoryStream(corrupted), content.Length, digest, Ct));

        Assert.Equal(IngestOutcome.Deduplicated, again.Outcome);
        Assert.Equal(before!.ETag, (await Blobs.GetInfoAsync(ContentAddressedStore.BlobName(digest), Ct))!.ETag);
    }

    [Fact]
    public async Task PromoteAsync_StagedContent_VerifiesAndMovesOrRefuses()
    {
        var content = RandomNumberGenerator.GetBytes(200_000);
        var digest = Convert.ToHexStringLower(SHA256.HashData(content));
        await Blobs.AppendAsync("uploads/u1/data", 0, new MemoryStream(content, 0, 100_000), Ct);
        await Blobs.AppendAsync("uploads/u1/data", 100_000, new MemoryStream(content, 100_000, 100_000), Ct);

        var wrong = Convert.ToHexStringLower(SHA256.HashData(content.AsSpan(1)));
        await Assert.ThrowsAsync<ContentMismatchException>(() => Store.PromoteAsync("uploads/u1/data", content.Length, wrong, Ct));
        Assert.False(await Store.ExistsAsync(wrong, Ct));

        var result = await Store.PromoteAsync("uploads/u1/data", content.Length, digest, Ct);
        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.True(await Store.ExistsAsync(digest, Ct));
        Assert.Null(await Blobs.GetInfoAsync("uploads/u1/data", Ct));
    }

    [Fact]
    public void BlobName_RejectsAnythingButLowercaseHexDigests()
    {
        Assert.Throws<ArgumentException>(() => ContentAddressedStore.BlobName("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => ContentAddressedStore.BlobName(new string('A', 64)));
    }

    private async Task AssertNoContentBlobsAsync()
    {
        await foreach (var blob in Blobs.ListAsync(ContentAddressedStore.Prefix, Ct))
        {
            Assert.Fail($"unexpected content blob {blob.Name}");
        }
    }
}

public sealed class FileSystemContentStoreTests : ContentAddressedStoreContract
{
    private readonly FileSystemBlobStore _blobs = new(new FileSystemBlobStoreOptions { Root = TestPaths.NewTempFolder("cas") });

    protected override IBlobStore Blobs => _blobs;
}

public sealed class AzureContentStoreTests(AzuriteFixture azurite) : ContentAddressedStoreContract
{
    private readonly AzureBlobStore _blobs = new(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient($"c{Guid.NewGuid():N}"));

    protected override IBlobStore Blobs => _blobs;
}
