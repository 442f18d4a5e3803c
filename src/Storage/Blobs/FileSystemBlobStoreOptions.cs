namespace ModelGrid.Storage.Blobs;

/// <summary>Settings of the folder-backed blob store.</summary>
public sealed class FileSystemBlobStoreOptions
{
    /// <summary>The folder that holds the blobs.</summary>
    public required string Root { get; init; }

    /// <summary>Whether every write is flushed to disk (file and folder) before it becomes visible.</summary>
    public bool Durable { get; init; } = true;
}
