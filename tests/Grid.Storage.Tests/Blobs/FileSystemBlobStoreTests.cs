using ModelGrid.Storage.Blobs;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Blobs;

public sealed class FileSystemBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _root = TestPaths.NewTempFolder("fs-blobs");
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root });

    protected override IBlobStore Store => _store;

    [Fact]
    public async Task PutAsync_NoFileOutsideItsPlace_AfterAbandonedWrites()
    {
        await using (var pending = await _store.BeginWriteAsync("t", TestContext.Current.CancellationToken))
        {
            await pending.WriteAsync(new byte[10], TestContext.Current.CancellationToken);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, ".pending")));
    }

    [Fact]
    public void GetFilePath_RejectsTraversalAndThePrivateFolder()
    {
        Assert.Throws<ArgumentException>(() => _store.GetFilePath("../escape"));
        Assert.Throws<ArgumentException>(() => _store.GetFilePath("a//b"));
        Assert.Throws<ArgumentException>(() => _store.GetFilePath(".pending/x"));
        Assert.Equal(Path.Combine(_root, "a", "b"), _store.GetFilePath("a/b"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
