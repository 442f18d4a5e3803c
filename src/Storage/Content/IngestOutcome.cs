namespace ModelGrid.Storage.Content;

/// <summary>What storing verified content did.</summary>
public enum IngestOutcome
{
    /// <summary>The content was written at its address.</summary>
    Created,

    /// <summary>Content with that digest was already stored; the verified copy was dropped.</summary>
    Deduplicated,
}
