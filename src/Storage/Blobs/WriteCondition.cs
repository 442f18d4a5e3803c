namespace ModelGrid.Storage.Blobs;

/// <summary>When a write may happen: always, only if the blob does not exist, or only if it has a given ETag.</summary>
public readonly record struct WriteCondition
{
    private WriteCondition(bool ifNotExists, string? ifMatch)
    {
        IfNotExists = ifNotExists;
        IfMatch = ifMatch;
    }

    /// <summary>Write whatever is there.</summary>
    public static WriteCondition None => default;

    /// <summary>Create only: fail when the blob exists.</summary>
    public static WriteCondition IfNotExistsCondition => new(true, null);

    /// <summary>Whether the blob must not exist.</summary>
    public bool IfNotExists { get; }

    /// <summary>The ETag the blob must have, or null.</summary>
    public string? IfMatch { get; }

    /// <summary>Replace only the content with this ETag.</summary>
    /// <param name="etag">The ETag.</param>
    public static WriteCondition IfMatchETag(string etag) => new(false, etag);

    /// <summary>The condition Orleans grain storage uses: create-only without an ETag, replace-that-version with one.</summary>
    /// <param name="etag">The grain state's ETag, or null when it has never been written.</param>
    public static WriteCondition ForETag(string? etag) =>
        string.IsNullOrEmpty(etag) ? IfNotExistsCondition : IfMatchETag(etag);
}
