namespace ModelGrid.Storage.Blobs;

/// <summary>An open read of a blob: the content stream (of the requested range) and the blob's properties.</summary>
public sealed class BlobReader(Stream content, BlobInfo info, ByteRange range) : IAsyncDisposable, IDisposable
{
    /// <summary>The bytes of <see cref="Range"/>.</summary>
    public Stream Content { get; } = content;

    /// <summary>The whole blob's properties, its full length included.</summary>
    public BlobInfo Info { get; } = info;

    /// <summary>The bytes this reader returns.</summary>
    public ByteRange Range { get; } = range;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();
}
