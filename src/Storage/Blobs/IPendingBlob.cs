namespace ModelGrid.Storage.Blobs;

/// <summary>A blob being written in pieces: invisible until <see cref="CommitAsync"/>; disposing it uncommitted discards it.</summary>
public interface IPendingBlob : IAsyncDisposable
{
    /// <summary>The bytes written so far.</summary>
    long Length { get; }

    /// <summary>Appends bytes.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the content visible under the blob's name if <paramref name="condition"/> holds. With
    /// <see cref="WriteCondition.IfNotExistsCondition"/> an existing blob is not an error: the pending content is
    /// dropped and <see cref="CommitOutcome.AlreadyExisted"/> returned. Other failed conditions throw
    /// <see cref="BlobConditionFailedException"/>.
    /// </summary>
    /// <param name="condition">When to commit.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    Task<CommitOutcome> CommitAsync(WriteCondition condition, CancellationToken cancellationToken = default);
}
