namespace ModelGrid.Storage.Blobs;

/// <summary>An append named an offset other than the staging blob's length.</summary>
public sealed class BlobOffsetMismatchException(string name, long expected, long actual)
    : Exception($"the staging blob '{name}' holds {actual} bytes, not {expected}")
{
    /// <summary>The blob's name.</summary>
    public string BlobName { get; } = name;

    /// <summary>The offset the caller named.</summary>
    public long Expected { get; } = expected;

    /// <summary>The length the blob has.</summary>
    public long Actual { get; } = actual;
}
