using System.Security.Cryptography;

namespace ModelGrid.Client.Transfer;

/// <summary>SHA-256 of files, streamed in 1 MiB reads, with progress.</summary>
public static class FileHasher
{
    private const int BufferBytes = 1 << 20;

    /// <summary>The hex digest of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="progress">Receives bytes hashed.</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    public static async Task<string> HashAsync(string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await AppendAsync(hash, stream, progress, cancellationToken);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Feeds the rest of a stream into a hash.</summary>
    /// <param name="hash">The hash.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="progress">Receives bytes hashed.</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    public static async Task<long> AppendAsync(IncrementalHash hash, Stream stream, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
            progress?.Report(read);
        }

        return total;
    }
}
