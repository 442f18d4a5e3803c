using System.Security.Cryptography;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Storage.Content;

/// <summary>
/// One streamed write into the content-addressed store: bytes are gathered into 1 MiB chunks, hashed and written
/// (or only hashed, when the digest is stored already); completion checks size and SHA-256 against the declaration
/// before anything becomes visible. Disposing an incomplete ingest discards it.
/// </summary>
public sealed class ContentIngest : IAsyncDisposable
{
    internal const int ChunkBytes = 1 << 20;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IPendingBlob? _pending;
    private readonly long _declaredSize;
    private readonly string _declaredSha256;
    private byte[] _chunk = new byte[ChunkBytes];
    private int _filled;

    internal ContentIngest(IPendingBlob? pending, long declaredSize, string declaredSha256)
    {
        _pending = pending;
        _declaredSize = declaredSize;
        _declaredSha256 = declaredSha256;
    }

    /// <summary>The bytes received so far.</summary>
    public long Received { get; private set; }

    /// <summary>Adds bytes; fails as soon as more than the declared size arrive.</summary>
    /// <param name="data">The next bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (Received + data.Length > _declaredSize)
        {
            throw ContentMismatchException.Size(_declaredSize, Received + data.Length, atLeast: true);
        }

        Received += data.Length;
        while (!data.IsEmpty)
        {
            var n = Math.Min(data.Length, _chunk.Length - _filled);
            data.Span[..n].CopyTo(_chunk.AsSpan(_filled));
            _filled += n;
            data = data[n..];
            if (_filled == _chunk.Length)
            {
                await FlushChunkAsync(cancellationToken);
            }
        }
    }

    /// <summary>Checks size and digest, then makes the content visible at its address.</summary>
    /// <param name="cancellationToken">Cancels the commit.</param>
    public async Task<IngestResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        await FlushChunkAsync(cancellationToken);
        if (Received != _declaredSize)
        {
            throw ContentMismatchException.Size(_declaredSize, Received);
        }

        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (actual != _declaredSha256)
        {
            throw ContentMismatchException.Digest(_declaredSha256, actual);
        }

        if (_pending is null)
        {
            return new IngestResult(actual, Received, IngestOutcome.Deduplicated);
        }

        var outcome = await _pending.CommitAsync(WriteCondition.IfNotExistsCondition, cancellationToken);
        return new IngestResult(actual, Received, outcome == CommitOutcome.Created ? IngestOutcome.Created : IngestOutcome.Deduplicated);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _hash.Dispose();
        if (_pending is not null)
        {
            await _pending.DisposeAsync();
        }

        _chunk = [];
    }

    private async ValueTask FlushChunkAsync(CancellationToken cancellationToken)
    {
        if (_filled == 0)
        {
            return;
        }

        _hash.AppendData(_chunk, 0, _filled);
        if (_pending is not null)
        {
            await _pending.WriteAsync(_chunk.AsMemory(0, _filled), cancellationToken);
        }

        _filled = 0;
    }
}
