using System.Security.Cryptography;
using System.Text;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Storage.Tests.Blobs;

/// <summary>What every <see cref="IBlobStore"/> must do; run against the folder store and against Azure Blob storage on Azurite.</summary>
public abstract class BlobStoreContract
{
    protected abstract IBlobStore Store { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutAsync_IfNotExists_CreatesOnceThenRefuses()
    {
        var first = await Store.PutAsync("a/b.txt", Bytes("one"), WriteCondition.IfNotExistsCondition, Ct);

        await Assert.ThrowsAsync<BlobConditionFailedException>(() => Store.PutAsync("a/b.txt", Bytes("two"), WriteCondition.IfNotExistsCondition, Ct));
        Assert.Equal("one", await ReadAsync("a/b.txt"));
        Assert.Equal(3, first.Length);
    }

    [Fact]
    public async Task PutAsync_IfMatch_ReplacesOnlyTheVersionRead()
    {
        var v1 = await Store.PutAsync("x", Bytes("v1"), WriteCondition.None, Ct);
        var v2 = await Store.PutAsync("x", Bytes("v2"), WriteCondition.IfMatchETag(v1.ETag), Ct);

        await Assert.ThrowsAsync<BlobConditionFailedException>(() => Store.PutAsync("x", Bytes("stale"), WriteCondition.IfMatchETag(v1.ETag), Ct));
        Assert.Equal("v2", await ReadAsync("x"));
        Assert.NotEqual(v1.ETag, v2.ETag);
        Assert.Equal(v2.ETag, (await Store.GetInfoAsync("x", Ct))!.ETag);
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_ChangesETag()
    {
        var first = await Store.PutAsync("same", Bytes("bytes"), WriteCondition.None, Ct);
        var second = await Store.PutAsync("same", Bytes("bytes"), WriteCondition.None, Ct);

        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task PutAsync_IfMatchOnMissingBlob_Fails()
    {
        await Assert.ThrowsAsync<BlobConditionFailedException>(() => Store.PutAsync("missing", Bytes("x"), WriteCondition.IfMatchETag("\"0x1\""), Ct));
        Assert.Null(await Store.GetInfoAsync("missing", Ct));
    }

    [Fact]
    public async Task OpenReadAsync_Ranges_ReturnExactlyThoseBytes()
    {
        var content = RandomNumberGenerator.GetBytes(100_000);
        await Store.PutAsync("r", content, WriteCondition.None, Ct);

        foreach (var (offset, length) in new[] { (0L, 1L), (0L, 100_000L), (99_999L, 1L), (12_345L, 50_000L), (100_000L, 0L) })
        {
            await using var reader = await Store.OpenReadAsync("r", new ByteRange(offset, length), Ct);
            Assert.NotNull(reader);
            Assert.Equal(100_000, reader.Info.Length);
            Assert.Equal(content.AsSpan((int)offset, (int)length).ToArray(), await ReadAllAsync(reader.Content));
        }
    }

    [Fact]
    public async Task OpenReadAsync_RangePastTheEnd_Throws()
    {
        await Store.PutAsync("short", Bytes("0123456789"), WriteCondition.None, Ct);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.OpenReadAsync("short", new ByteRange(5, 6), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.OpenReadAsync("short", new ByteRange(11, 0), Ct));
    }

    [Fact]
    public async Task OpenReadAsync_MissingBlob_ReturnsNull()
    {
        Assert.Null(await Store.OpenReadAsync("nope/nothing", null, Ct));
        Assert.Null(await Store.GetInfoAsync("nope/nothing", Ct));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsOnlyMatchingNamesInOrdinalOrder()
    {
        foreach (var name in new[] { "p/b", "p/a/2", "p/a/1", "q/a", "pa", "p/B" })
        {
            await Store.PutAsync(name, Bytes(name), WriteCondition.None, Ct);
        }

        var listed = new List<string>();
        await foreach (var blob in Store.ListAsync("p/", Ct))
        {
            listed.Add(blob.Name);
            Assert.Equal(Encoding.UTF8.GetByteCount(blob.Name), blob.Length);
        }

        Assert.Equal(["p/B", "p/a/1", "p/a/2", "p/b"], listed);

        var partial = new List<string>();
        await foreach (var blob in Store.ListAsync("p/a/", Ct))
        {
            partial.Add(blob.Name);
        }

        Assert.Equal(["p/a/1", "p/a/2"], partial);
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnceAndHonoursETag()
    {
        var v1 = await Store.PutAsync("d", Bytes("1"), WriteCondition.None, Ct);
        var v2 = await Store.PutAsync("d", Bytes("2"), WriteCondition.None, Ct);

        await Assert.ThrowsAsync<BlobConditionFailedException>(() => Store.DeleteAsync("d", v1.ETag, Ct));
        Assert.True(await Store.DeleteAsync("d", v2.ETag, Ct));
        Assert.False(await Store.DeleteAsync("d", null, Ct));
        Assert.Null(await Store.GetInfoAsync("d", Ct));
    }

    [Fact]
    public async Task BeginWriteAsync_ContentIsInvisibleUntilCommitted()
    {
        var content = RandomNumberGenerator.GetBytes((9 << 20) + 123); // more than one 8 MiB block
        await using (var pending = await Store.BeginWriteAsync("big/blob", Ct))
        {
            for (var offset = 0; offset < content.Length; offset += 1_000_003)
            {
                await pending.WriteAsync(content.AsMemory(offset, Math.Min(1_000_003, content.Length - offset)), Ct);
            }

            Assert.Null(await Store.GetInfoAsync("big/blob", Ct));
            Assert.Equal(CommitOutcome.Created, await pending.CommitAsync(WriteCondition.IfNotExistsCondition, Ct));
        }

        await using var reader = await Store.OpenReadAsync("big/blob", null, Ct);
        Assert.Equal(SHA256.HashData(content), await SHA256.HashDataAsync(reader!.Content, Ct));
    }

    [Fact]
    public async Task BeginWriteAsync_DisposedWithoutCommit_LeavesNothing()
    {
        await using (var pending = await Store.BeginWriteAsync("abandoned", Ct))
        {
            await pending.WriteAsync(Bytes("half"), Ct);
        }

        Assert.Null(await Store.GetInfoAsync("abandoned", Ct));
        await foreach (var blob in Store.ListAsync(string.Empty, Ct))
        {
            Assert.NotEqual("abandoned", blob.Name);
        }
    }

    [Fact]
    public async Task CommitAsync_IfNotExistsOnExistingBlob_KeepsTheOldContent()
    {
        await Store.PutAsync("kept", Bytes("original"), WriteCondition.None, Ct);
        await using var pending = await Store.BeginWriteAsync("kept", Ct);
        await pending.WriteAsync(Bytes("newcomer"), Ct);

        Assert.Equal(CommitOutcome.AlreadyExisted, await pending.CommitAsync(WriteCondition.IfNotExistsCondition, Ct));
        Assert.Equal("original", await ReadAsync("kept"));
    }

    [Fact]
    public async Task ConcurrentCreateOnlyWriters_ExactlyOneWins()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var pending = await Store.BeginWriteAsync("race", Ct);
            await pending.WriteAsync(Bytes($"writer {i}"), Ct);
            return (i, await pending.CommitAsync(WriteCondition.IfNotExistsCondition, Ct));
        }));

        var winners = outcomes.Where(o => o.Item2 == CommitOutcome.Created).ToList();
        Assert.Single(winners);
        Assert.Equal($"writer {winners[0].i}", await ReadAsync("race"));
    }

    [Fact]
    public async Task ConcurrentConditionalWriters_ExactlyOneReplacesTheVersionRead()
    {
        var start = await Store.PutAsync("counter", Bytes("0"), WriteCondition.None, Ct);
        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await Store.PutAsync("counter", Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), WriteCondition.IfMatchETag(start.ETag), Ct);
                return i;
            }
            catch (BlobConditionFailedException)
            {
                return 0;
            }
        }));

        var winner = Assert.Single(results, r => r != 0);
        Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), await ReadAsync("counter"));
    }

    [Fact]
    public async Task AppendAsync_AppendsAtTheHeldOffsetOnly()
    {
        Assert.Equal(0, await Store.AppendAsync("stage", 0, Stream.Null, Ct));
        Assert.Equal(3, await Store.AppendAsync("stage", 0, new MemoryStream(Bytes("abc")), Ct));
        var wrong = await Assert.ThrowsAsync<BlobOffsetMismatchException>(() => Store.AppendAsync("stage", 1, new MemoryStream(Bytes("zzz")), Ct));
        Assert.Equal(3, wrong.Actual);
        Assert.Equal(9, await Store.AppendAsync("stage", 3, new MemoryStream(Bytes("defghi")), Ct));

        Assert.Equal("abcdefghi", await ReadAsync("stage"));
    }

    [Fact]
    public async Task MoveAsync_ToNewName_MovesAndToExistingName_DropsTheSource()
    {
        await Store.AppendAsync("src1", 0, new MemoryStream(Bytes("payload")), Ct);
        Assert.Equal(CommitOutcome.Created, await Store.MoveAsync("src1", "dst/one", Ct));
        Assert.Equal("payload", await ReadAsync("dst/one"));
        Assert.Null(await Store.GetInfoAsync("src1", Ct));

        await Store.AppendAsync("src2", 0, new MemoryStream(Bytes("other")), Ct);
        Assert.Equal(CommitOutcome.AlreadyExisted, await Store.MoveAsync("src2", "dst/one", Ct));
        Assert.Equal("payload", await ReadAsync("dst/one"));
        Assert.Null(await Store.GetInfoAsync("src2", Ct));
    }

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<string> ReadAsync(string name)
    {
        await using var reader = await Store.OpenReadAsync(name, null, Ct) ?? throw new InvalidOperationException($"{name} is missing");
        return Encoding.UTF8.GetString(await ReadAllAsync(reader.Content));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }
}
