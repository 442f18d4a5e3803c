namespace ModelGrid.Silo.Hub;

/// <summary>A chunk named another offset than the bytes the hub holds; the answer tells the client where to resume.</summary>
public sealed class UploadOffsetConflictException(string uploadId, long expected, long actual)
    : Exception($"upload {uploadId} holds {actual} bytes; the chunk was sent for offset {expected}")
{
    public long Actual { get; } = actual;
}
