namespace ModelGrid.Storage.Blobs;

/// <summary>A contiguous run of bytes: <see cref="Length"/> bytes from <see cref="Offset"/>.</summary>
public readonly record struct ByteRange(long Offset, long Length)
{
    /// <summary>The last byte's offset.</summary>
    public long Last => Offset + Length - 1;
}
