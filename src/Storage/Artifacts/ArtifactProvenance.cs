namespace ModelGrid.Storage.Artifacts;

/// <summary>Where a resolved artifact was found this time.</summary>
public enum ArtifactProvenance
{
    /// <summary>Already in the hub's content-addressed store.</summary>
    Store,

    /// <summary>Imported from a mirror folder.</summary>
    Mirror,

    /// <summary>Downloaded from its pinned source.</summary>
    Download,

    /// <summary>Imported from content a caller supplied.</summary>
    Import,
}
