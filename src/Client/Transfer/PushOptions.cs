using ModelGrid.Api;

namespace ModelGrid.Client.Transfer;

/// <summary>How to push a folder.</summary>
/// <param name="ChunkThreshold">Files of at least this many bytes go through a resumable upload session.</param>
/// <param name="Force">Publish a new version even when the folder equals the newest one.</param>
/// <param name="CreateWith">Create the model with this metadata when it does not exist; null makes a missing model an error.</param>
public sealed record PushOptions(long ChunkThreshold = PushOptions.DefaultChunkThreshold, bool Force = false, CreateModelRequest? CreateWith = null)
{
    /// <summary>64 MiB.</summary>
    public const long DefaultChunkThreshold = 64L << 20;
}
