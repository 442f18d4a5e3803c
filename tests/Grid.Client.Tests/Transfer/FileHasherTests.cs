using System.Security.Cryptography;
using ModelGrid.Client.Transfer;
using ModelGrid.Testing;

namespace ModelGrid.Client.Tests.Transfer;

public sealed class FileHasherTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1 << 20)]
    [InlineData((3 << 20) + 17)]
    public async Task HashAsync_RandomFile_EqualsSha256AndReportsEveryByte(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        var path = Path.Combine(_folder.Path, "data.bin");
        await File.WriteAllBytesAsync(path, bytes, Ct);
        var progress = new Sum();

        var digest = await FileHasher.HashAsync(path, progress, Ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), digest);
        Assert.Equal(length, progress.Total);
    }

    [Fact]
    public async Task AppendAsync_RestOfStream_HashesFromCurrentPosition()
    {
        var bytes = RandomNumberGenerator.GetBytes(5000);
        using var stream = new MemoryStream(bytes) { Position = 1000 };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        var total = await FileHasher.AppendAsync(hash, stream, null, Ct);

        Assert.Equal(4000, total);
        Assert.Equal(SHA256.HashData(bytes.AsSpan(1000)), hash.GetHashAndReset());
    }

    [Fact]
    public async Task HashAsync_MissingFile_Throws()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => FileHasher.HashAsync(Path.Combine(_folder.Path, "none"), null, Ct));
    }

    public void Dispose() => _folder.Dispose();

    private sealed class Sum : IProgress<long>
    {
        public long Total { get; private set; }

        public void Report(long value) => Total += value;
    }
}
