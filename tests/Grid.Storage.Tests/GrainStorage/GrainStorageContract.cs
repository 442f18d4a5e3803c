using System.Text;
using ModelGrid.Storage.GrainStorage;
using Orleans.Storage;

namespace ModelGrid.Storage.Tests.GrainStorage;

/// <summary>
/// The grain-storage semantics of Orleans' persistence test kit (orleans-notes §1.3), run against our
/// <see cref="FileGrainStorage"/> and against Orleans' own Azure blob provider on Azurite, plus what both do with a
/// damaged record: a <see cref="DamagedStateException"/> naming it, never a new state in its place.
/// </summary>
public abstract class GrainStorageContract(StorageCluster cluster)
{
    private const string StateName = "contract";

    private IGrainStorage Storage => cluster.Storage;

    [Fact]
    public async Task WriteRead_CyrillicText_RoundTrips()
    {
        var id = NewId();
        var written = State("Привет, мир", 7, "один", "два");
        await Storage.WriteStateAsync(StateName, id, written);

        var read = new GrainState<TestState>();
        await Storage.ReadStateAsync(StateName, id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("Привет, мир", read.State!.Text);
        Assert.Equal(7, read.State!.Count);
        Assert.Equal(["один", "два"], read.State!.Items);
    }

    [Fact]
    public async Task Write_DuplicateCreate_ThrowsInconsistentState()
    {
        var id = NewId();
        await Storage.WriteStateAsync(StateName, id, State("first"));

        var duplicate = State("second");
        duplicate.ETag = null;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, duplicate));
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsAndReadReturnsTheLatest()
    {
        var id = NewId();
        var first = State("v1");
        await Storage.WriteStateAsync(StateName, id, first);
        var staleETag = first.ETag;
        first.State!.Text = "v2";
        await Storage.WriteStateAsync(StateName, id, first);

        var stale = State("lost");
        stale.ETag = staleETag;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, stale));

        var read = new GrainState<TestState>();
        await Storage.ReadStateAsync(StateName, id, read);
        Assert.Equal("v2", read.State!.Text);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteReadWriteRead_ManyGrainsInParallel_EveryWriteChangesTheETag()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var id = NewId();
            var state = State($"grain {i}");
            Assert.Null(state.ETag);
            await Storage.WriteStateAsync(StateName, id, state);
            var firstETag = state.ETag;
            Assert.NotNull(firstETag);

            var read = new GrainState<TestState>();
            await Storage.ReadStateAsync(StateName, id, read);
            read.State!.Count = i;
            await Storage.WriteStateAsync(StateName, id, read);
            Assert.NotEqual(firstETag, read.ETag);

            var again = new GrainState<TestState>();
            await Storage.ReadStateAsync(StateName, id, again);
            Assert.Equal(i, again.State!.Count);
            Assert.Equal(read.ETag, again.ETag);
        }));
    }

    [Fact]
    public async Task Read_NonExistentState_HasNewStateAndNoETag()
    {
        var state = new GrainState<TestState> { RecordExists = true, ETag = "\"stale\"", State = null! };
        await Storage.ReadStateAsync(StateName, NewId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal(string.Empty, state.State!.Text);
    }

    [Fact]
    public async Task WriteClearWrite_ClearResetsAndAllowsWritingAgain()
    {
        var id = NewId();
        var state = State("before");
        await Storage.WriteStateAsync(StateName, id, state);
        var writtenETag = state.ETag;

        await Storage.ClearStateAsync(StateName, id, state);
        Assert.NotEqual(writtenETag, state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(string.Empty, state.State!.Text);

        var read = new GrainState<TestState>();
        await Storage.ReadStateAsync(StateName, id, read);
        Assert.False(read.RecordExists);

        state.State!.Text = "after";
        await Storage.WriteStateAsync(StateName, id, state);
        await Storage.ReadStateAsync(StateName, id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("after", read.State!.Text);
    }

    [Fact]
    public async Task WriteRead_StringAndIntegerKeys_AreIndependent()
    {
        var stringKey = GrainId.Create("contract", "key/with@odd chars");
        var integerKey = GrainId.Create("contract", "42");
        await Storage.WriteStateAsync(StateName, stringKey, State("string"));
        await Storage.WriteStateAsync(StateName, integerKey, State("integer"));

        var a = new GrainState<TestState>();
        var b = new GrainState<TestState>();
        await Storage.ReadStateAsync(StateName, stringKey, a);
        await Storage.ReadStateAsync(StateName, integerKey, b);
        Assert.Equal("string", a.State!.Text);
        Assert.Equal("integer", b.State!.Text);
        await Storage.ClearStateAsync(StateName, stringKey, a);
        await Storage.ClearStateAsync(StateName, integerKey, b);
    }

    [Fact]
    public async Task Write_SameValuesTwice_ChangesTheETag()
    {
        var id = NewId();
        var state = State("same");
        await Storage.WriteStateAsync(StateName, id, state);
        var first = state.ETag;
        await Storage.WriteStateAsync(StateName, id, state);

        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task Clear_BeforeAnyWrite_IsANoOp()
    {
        var state = State("never written");
        await Storage.ClearStateAsync(StateName, NewId(), state);

        Assert.False(state.RecordExists);
        Assert.Equal(string.Empty, state.State!.Text);
    }

    [Fact]
    public async Task Clear_Repeatedly_IsIdempotentAndKeepsAState()
    {
        var id = NewId();
        var state = State("x");
        await Storage.WriteStateAsync(StateName, id, state);

        await Storage.ClearStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        Assert.NotNull(state.State);
        Assert.False(state.RecordExists);
        var read = new GrainState<TestState>();
        await Storage.ReadStateAsync(StateName, id, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task StateNames_SameGrain_UseIndependentRecords()
    {
        var id = NewId();
        await Storage.WriteStateAsync("first", id, State("one"));
        await Storage.WriteStateAsync("second", id, State("two"));

        var one = new GrainState<TestState>();
        var two = new GrainState<TestState>();
        await Storage.ReadStateAsync("first", id, one);
        await Storage.ReadStateAsync("second", id, two);
        Assert.Equal("one", one.State!.Text);
        Assert.Equal("two", two.State!.Text);
    }

    [Fact]
    public async Task Clear_StaleETag_ThrowsAndKeepsTheLatest()
    {
        var id = NewId();
        var state = State("v1");
        await Storage.WriteStateAsync(StateName, id, state);
        var stale = state.ETag;
        state.State!.Text = "v2";
        await Storage.WriteStateAsync(StateName, id, state);

        var old = State("v1");
        old.ETag = stale;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, old));

        var read = new GrainState<TestState>();
        await Storage.ReadStateAsync(StateName, id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("v2", read.State!.Text);
    }

    [Fact]
    public async Task Read_EmptyRecord_ThrowsDamagedStateInsteadOfANewState()
    {
        var id = NewId();
        await cluster.PlantAsync(StateName, id, []);

        var error = await Assert.ThrowsAsync<DamagedStateException>(() => Storage.ReadStateAsync(StateName, id, new GrainState<TestState>()));

        Assert.Equal($"state record '{cluster.RecordName(StateName, id)}' is empty (0 bytes)", error.Message);
        Assert.Equal(cluster.RecordName(StateName, id), error.Record);
        Assert.Equal("contract", error.GrainType);
        Assert.Equal(id.Key.ToString(), error.GrainKey);
    }

    [Fact]
    public async Task Read_TruncatedJson_ThrowsDamagedStateWithTheLength()
    {
        var id = NewId();
        await cluster.PlantAsync(StateName, id, Encoding.UTF8.GetBytes("{\"Text\":\"abc\",\"Count\":4"));

        var error = await Assert.ThrowsAsync<DamagedStateException>(() => Storage.ReadStateAsync(StateName, id, new GrainState<TestState>()));

        Assert.Equal($"state record '{cluster.RecordName(StateName, id)}' ends before its JSON is complete (truncated after 23 bytes)", error.Message);
    }

    [Fact]
    public async Task Read_InvalidJson_ThrowsDamagedStateWithTheByteOffset()
    {
        var id = NewId();
        await cluster.PlantAsync(StateName, id, Encoding.UTF8.GetBytes("{\"Text\":\"abc\",\n\"Count\":4x}"));

        var error = await Assert.ThrowsAsync<DamagedStateException>(() => Storage.ReadStateAsync(StateName, id, new GrainState<TestState>()));

        Assert.Equal($"state record '{cluster.RecordName(StateName, id)}' is not valid JSON at byte 24: 'x' is an invalid end of a number. Expected a delimiter", error.Message);
    }

    [Fact]
    public async Task Read_GarbageBytes_ThrowsDamagedStateAtByteZero()
    {
        var id = NewId();
        await cluster.PlantAsync(StateName, id, [0xFF, 0xFE, 0x00, 0x41, 0x00]);

        var error = await Assert.ThrowsAsync<DamagedStateException>(() => Storage.ReadStateAsync(StateName, id, new GrainState<TestState>()));

        Assert.Equal($"state record '{cluster.RecordName(StateName, id)}' is not valid JSON at byte 0: '0xFF' is an invalid start of a value", error.Message);
    }

    [Fact]
    public async Task Read_JsonOfTheWrongShape_ThrowsDamagedStateWithThePath()
    {
        var id = NewId();
        await cluster.PlantAsync(StateName, id, Encoding.UTF8.GetBytes("{\"Text\":5,\"Count\":1}"));

        var error = await Assert.ThrowsAsync<DamagedStateException>(() => Storage.ReadStateAsync(StateName, id, new GrainState<TestState>()));

        Assert.Equal($"state record '{cluster.RecordName(StateName, id)}' does not hold a TestState: the JSON value could not be converted to System.String (at $.Text)", error.Message);
    }

    [Fact]
    public async Task Read_JsonNull_ThrowsDamagedState()
    {
        var id = NewId();
        await cluster.PlantAsync(StateName, id, Encoding.UTF8.GetBytes("null"));

        var error = await Assert.ThrowsAsync<DamagedStateException>(() => Storage.ReadStateAsync(StateName, id, new GrainState<TestState>()));

        Assert.Equal($"state record '{cluster.RecordName(StateName, id)}' holds JSON null, not a TestState", error.Message);
    }

    [Fact]
    public async Task Read_DamagedRecord_LeavesItsBytesInPlaceAndRefusesACreate()
    {
        var id = NewId();
        byte[] damaged = [.. Encoding.UTF8.GetBytes("{\"Text\":\"ab")];
        await cluster.PlantAsync(StateName, id, damaged);
        var state = new GrainState<TestState>();
        await Assert.ThrowsAsync<DamagedStateException>(() => Storage.ReadStateAsync(StateName, id, state));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, State("over it")));

        Assert.Equal(damaged, await cluster.ReadRawAsync(StateName, id));
    }

    private static GrainId NewId() => GrainId.Create("contract", Guid.NewGuid().ToString("N"));

    private static GrainState<TestState> State(string text, int count = 0, params string[] items) =>
        new() { State = new TestState { Text = text, Count = count, Items = [.. items] } };
}

public sealed class FileGrainStorageTests(FileStorageCluster cluster) : GrainStorageContract(cluster), IClassFixture<FileStorageCluster>;

public sealed class KeepClearedFileGrainStorageTests(KeepClearedFileStorageCluster cluster) : GrainStorageContract(cluster), IClassFixture<KeepClearedFileStorageCluster>;

public sealed class AzureBlobGrainStorageTests(AzureStorageCluster cluster) : GrainStorageContract(cluster), IClassFixture<AzureStorageCluster>;
