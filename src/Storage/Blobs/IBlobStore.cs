namespace ModelGrid.Storage.Blobs;

/// <summary>
/// A flat namespace of named blobs with ETags and conditional writes: Azure Blob storage, or a folder on the
/// embedded default. Names use '/' between segments. Every write is atomic: a reader sees the old or the new
/// content, never a part.
/// </summary>
public interface IBlobStore
{
    /// <summary>The blob's length, ETag and time of last change, or null when it does not exist.</summary>
    /// <param name="name">The blob's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob (or a byte range of it) for reading, or returns null when it does not exist.</summary>
    /// <param name="name">The blob's name.</param>
    /// <param name="range">The bytes to read; null for all. It must lie inside the blob.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<BlobReader?> OpenReadAsync(string name, ByteRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole blob under a condition; <see cref="BlobConditionFailedException"/> when it does not hold.</summary>
    /// <param name="name">The blob's name.</param>
    /// <param name="content">The new content.</param>
    /// <param name="condition">When to write.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<BlobInfo> PutAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Starts a streamed write that stays invisible until it is committed; disposing it uncommitted discards it.</summary>
    /// <param name="name">The blob's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IPendingBlob> BeginWriteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes the blob; false when it did not exist. With an ETag, only that content is deleted.</summary>
    /// <param name="name">The blob's name.</param>
    /// <param name="ifMatch">The ETag the blob must have, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>The blobs whose names start with <paramref name="prefix"/>, in ordinal order of their names.</summary>
    /// <param name="prefix">The start of the names.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends to an append-only staging blob, which must hold exactly <paramref name="offset"/> bytes
    /// (<see cref="BlobOffsetMismatchException"/> otherwise, with the length it holds). A broken append keeps
    /// a prefix of what was sent, never a hole. Returns the new length.
    /// </summary>
    /// <param name="name">The staging blob's name.</param>
    /// <param name="offset">The length the caller believes the blob has.</param>
    /// <param name="content">The bytes to append.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<long> AppendAsync(string name, long offset, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a blob to a name that must not exist yet; when it does, the source is deleted and
    /// <see cref="CommitOutcome.AlreadyExisted"/> is returned (content-addressed targets are equal by name).
    /// </summary>
    /// <param name="source">The blob to move.</param>
    /// <param name="target">The new name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CommitOutcome> MoveAsync(string source, string target, CancellationToken cancellationToken = default);
}
