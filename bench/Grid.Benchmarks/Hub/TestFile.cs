using System.Security.Cryptography;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>The generated file: random bytes (nothing compresses or dedups), and its SHA-256.</summary>
public static class TestFile
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Writes <paramref name="size"/> random bytes to <paramref name="path"/> and returns their digest.</summary>
    public static async Task<string> GenerateAsync(string path, long size, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 0);
        for (var left = size; left > 0; left -= ChunkBytes)
        {
            var chunk = buffer.AsMemory(0, (int)Math.Min(ChunkBytes, left));
            RandomNumberGenerator.Fill(chunk.Span);
            hash.AppendData(chunk.Span);
            await file.WriteAsync(chunk, cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Makes the file new content by overwriting its first 16 bytes with random ones; returns the new digest.</summary>
    public static async Task<string> RenewAsync(string path, CancellationToken cancellationToken)
    {
        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write))
        {
            RandomAccess.Write(handle, RandomNumberGenerator.GetBytes(16), 0);
        }

        return await DigestAsync(path, cancellationToken);
    }

    public static async Task<string> DigestAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    /// <summary>The bytes of a range of the file, to compare answers with.</summary>
    public static byte[] ReadRange(string path, long offset, int length)
    {
        using var handle = File.OpenHandle(path);
        var bytes = new byte[length];
        var read = RandomAccess.Read(handle, bytes, offset);
        return read == length ? bytes : throw new IOException($"{path} ended before {offset + length}");
    }
}
