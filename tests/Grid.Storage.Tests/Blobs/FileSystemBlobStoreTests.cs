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

    [Fact]
    public async Task PutAsync_IntoNewFolders_FlushesEachNewFolderInItsParentThenTheTarget()
    {
        var flushed = new List<string>();
        var store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = Path.Combine(_root, "durable"), Durable = true }) { FolderFlushed = flushed.Add };
        var root = store.Root;

        await store.PutAsync("a/b/c.json", new byte[] { 1 }, WriteCondition.None, TestContext.Current.CancellationToken);
        var first = flushed.ToList();
        flushed.Clear();
        await store.PutAsync("a/b/d.json", new byte[] { 2 }, WriteCondition.None, TestContext.Current.CancellationToken);

        Assert.Equal([root, Path.Combine(root, "a"), Path.Combine(root, "a", "b")], first);
        Assert.Equal([Path.Combine(root, "a", "b")], flushed);
    }

    [Fact]
    public async Task AppendAsync_IntoANewFolder_FlushesTheFolderInItsParent()
    {
        var flushed = new List<string>();
        var store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = Path.Combine(_root, "durable"), Durable = true }) { FolderFlushed = flushed.Add };

        await store.AppendAsync("uploads/u1/data", 0, new MemoryStream([1, 2, 3]), TestContext.Current.CancellationToken);

        Assert.Equal([store.Root, Path.Combine(store.Root, "uploads"), Path.Combine(store.Root, "uploads", "u1")], flushed);
    }

    [Fact]
    public async Task MoveAsync_IntoANewFolder_FlushesTheFolderInItsParent()
    {
        var flushed = new List<string>();
        var store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = Path.Combine(_root, "durable"), Durable = true }) { FolderFlushed = flushed.Add };
        await store.PutAsync("from", new byte[] { 1 }, WriteCondition.None, TestContext.Current.CancellationToken);
        flushed.Clear();

        await store.MoveAsync("from", "blobs/ab/to", TestContext.Current.CancellationToken);

        Assert.Equal([store.Root, Path.Combine(store.Root, "blobs"), Path.Combine(store.Root, "blobs", "ab")], flushed);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
