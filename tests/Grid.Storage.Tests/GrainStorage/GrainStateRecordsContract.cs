using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.GrainStorage;

/// <summary>
/// <see cref="GrainStateRecords"/> on the folder store (<c>state/</c> under the data folder) and on an Azure container
/// as Orleans' blob provider lays it out: listing, the check of every record, and quarantine that never loses bytes.
/// </summary>
public abstract class GrainStateRecordsContract
{
    private static readonly byte[] Good = Encoding.UTF8.GetBytes("{\"Text\":\"fine\"}");
    private static readonly byte[] Truncated = Encoding.UTF8.GetBytes("{\"Text\":\"fi");
    private static readonly byte[] Garbage = [0xFF, 0xFE, 0x00];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 15, 0, TimeSpan.Zero));
    private GrainStateRecords? _records;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IBlobStore Store { get; }

    private GrainStateRecords Records => _records ??= Create(Store, _time);

    [Fact]
    public async Task ListKeysAsync_RecordsOfOneKind_GivesTheirKeysDecoded()
    {
        await PlantAsync("model", "model", "alice/x", Good);
        await PlantAsync("model", "model", "bob/y.z", Garbage);
        await PlantAsync("version", "version", "alice/x@1", Good);

        var keys = await Records.ListKeysAsync("model", "model", Ct).ToListAsync(Ct);

        Assert.Equal(["alice/x", "bob/y.z"], keys);
    }

    [Fact]
    public async Task CheckAsync_DamagedAmongGoodRecords_ReportsEachWithItsProblemAndTouchesNothing()
    {
        await PlantAsync("model", "model", "a/good", Good);
        await PlantAsync("model", "model", "b/empty", []);
        await PlantAsync("model", "model", "c/truncated", Truncated);
        await PlantAsync("catalog", "catalog", "all", Garbage);
        await PlantAsync("version", "version", "d/null@1", Encoding.UTF8.GetBytes("null"));

        var result = await Records.CheckAsync(quarantine: false, Ct);

        Assert.Equal(5, result.Scanned);
        Assert.Equal(
            [
                new DamagedStateRecord(Shown("catalog-catalog", "all"), 3, "is not valid JSON at byte 0: '0xFF' is an invalid start of a value", null),
                new DamagedStateRecord(Shown("model-model", "b/empty"), 0, "is empty (0 bytes)", null),
                new DamagedStateRecord(Shown("model-model", "c/truncated"), 11, "ends before its JSON is complete (truncated after 11 bytes)", null),
                new DamagedStateRecord(Shown("version-version", "d/null@1"), 4, "holds JSON null, not a state", null),
            ],
            result.Damaged);
        Assert.Equal(Truncated, await RawAsync("model", "model", "c/truncated"));
    }

    [Fact]
    public async Task CheckAsync_WithQuarantine_MovesOnlyTheDamagedAndKeepsTheirBytes()
    {
        await PlantAsync("model", "model", "a/good", Good);
        await PlantAsync("model", "model", "c/truncated", Truncated);

        var result = await Records.CheckAsync(quarantine: true, Ct);
        var again = await Records.CheckAsync(quarantine: false, Ct);

        var moved = Assert.Single(result.Damaged);
        Assert.Equal(ShownInQuarantine("20261127T101500Z", "model-model", "c/truncated"), moved.QuarantinedTo);
        Assert.Null(await RawAsync("model", "model", "c/truncated"));
        Assert.Equal(Truncated, await QuarantinedAsync("20261127T101500Z", "model", "model", "c/truncated"));
        Assert.Equal(Good, await RawAsync("model", "model", "a/good"));
        Assert.Equal(1, again.Scanned);
        Assert.Empty(again.Damaged);
    }

    [Fact]
    public async Task QuarantineAsync_SameRecordTwiceInOneSecond_KeepsBothCopies()
    {
        await PlantAsync("model", "model", "e/twice", Truncated);
        var first = await Records.QuarantineAsync(Records.BlobName("model", GrainId.Create("model", "e/twice")), Ct);
        await PlantAsync("model", "model", "e/twice", Garbage);

        var second = await Records.QuarantineAsync(Records.BlobName("model", GrainId.Create("model", "e/twice")), Ct);

        Assert.Equal(ShownInQuarantine("20261127T101500Z", "model-model", "e/twice"), first);
        Assert.Equal(ShownInQuarantine("20261127T101500Z-2", "model-model", "e/twice"), second);
        Assert.Equal(Truncated, await QuarantinedAsync("20261127T101500Z", "model", "model", "e/twice"));
        Assert.Equal(Garbage, await QuarantinedAsync("20261127T101500Z-2", "model", "model", "e/twice"));
    }

    [Fact]
    public async Task QuarantineAsync_MissingRecord_ReturnsNull()
    {
        Assert.Null(await Records.QuarantineAsync(Records.BlobName("model", GrainId.Create("model", "nobody/none")), Ct));
    }

    protected abstract GrainStateRecords Create(IBlobStore store, TimeProvider time);

    /// <summary>How reports name the record of <paramref name="key"/> in the folder <paramref name="kind"/>.</summary>
    protected abstract string Shown(string kind, string key);

    protected abstract string ShownInQuarantine(string folder, string kind, string key);

    protected abstract string QuarantineBlob(string folder, string kind, string key);

    private async Task PlantAsync(string stateName, string grainType, string key, byte[] content) =>
        await Store.PutAsync(Records.BlobName(stateName, GrainId.Create(grainType, key)), content, WriteCondition.None, Ct);

    private Task<byte[]?> RawAsync(string stateName, string grainType, string key) =>
        Records.ReadContentAsync(Records.BlobName(stateName, GrainId.Create(grainType, key)), Ct);

    private Task<byte[]?> QuarantinedAsync(string folder, string stateName, string grainType, string key) =>
        Records.ReadContentAsync(QuarantineBlob(folder, $"{stateName}-{grainType}", key), Ct);
}

public sealed class FolderGrainStateRecordsTests : GrainStateRecordsContract, IDisposable
{
    private readonly string _root = TestPaths.NewTempFolder("state-records");
    private readonly FileSystemBlobStore _store;

    public FolderGrainStateRecordsTests() => _store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root, Durable = false });

    protected override IBlobStore Store => _store;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    protected override GrainStateRecords Create(IBlobStore store, TimeProvider time) => GrainStateRecords.ForFolder(store, _root, time);

    protected override string Shown(string kind, string key) => $"state/{kind}/{StateRecordNames.Escape(key)}.json";

    protected override string ShownInQuarantine(string folder, string kind, string key) => QuarantineBlob(folder, kind, key);

    protected override string QuarantineBlob(string folder, string kind, string key) => $"quarantine/{folder}/{kind}/{StateRecordNames.Escape(key)}.json";
}

public sealed class AzureGrainStateRecordsTests(AzuriteFixture azurite) : GrainStateRecordsContract
{
    private readonly string _container = $"s{Guid.NewGuid():N}";
    private AzureBlobStore? _store;

    protected override IBlobStore Store => _store ??= new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_container));

    protected override GrainStateRecords Create(IBlobStore store, TimeProvider time) => GrainStateRecords.ForAzureContainer(store, _container, time);

    protected override string Shown(string kind, string key) => $"{_container}/{kind}/{key}.json";

    protected override string ShownInQuarantine(string folder, string kind, string key) => $"{_container}/{QuarantineBlob(folder, kind, key)}";

    protected override string QuarantineBlob(string folder, string kind, string key) => $"quarantine/{folder}/{kind}/{key}.json";
}
