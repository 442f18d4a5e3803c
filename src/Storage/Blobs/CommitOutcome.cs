namespace ModelGrid.Storage.Blobs;

/// <summary>What a create-only commit did.</summary>
public enum CommitOutcome
{
    /// <summary>The blob was written.</summary>
    Created,

    /// <summary>A blob of that name existed; nothing was written.</summary>
    AlreadyExisted,
}
