namespace ModelGrid.Storage.Blobs;

/// <summary>A blob's name, length in bytes, ETag (changes on every write) and time of last change.</summary>
public sealed record BlobInfo(string Name, long Length, string ETag, DateTimeOffset LastModified);
