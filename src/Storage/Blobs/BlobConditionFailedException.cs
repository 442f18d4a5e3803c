namespace ModelGrid.Storage.Blobs;

/// <summary>A conditional write or delete found the blob in another state than required.</summary>
public sealed class BlobConditionFailedException(string name, string? detail = null, Exception? inner = null)
    : Exception(detail ?? $"the blob '{name}' changed or exists; the write's condition does not hold", inner)
{
    /// <summary>The blob's name.</summary>
    public string BlobName { get; } = name;
}
