namespace ModelGrid.Hub;

/// <summary>The life of a version: a draft accepts files, publishing freezes it, withdrawing retires it.</summary>
public enum VersionStatus
{
    /// <summary>Accepting files; invisible to anyone but its owner.</summary>
    Draft,

    /// <summary>Frozen: its manifest never changes.</summary>
    Published,

    /// <summary>Published, then withdrawn: still auditable, but its files answer 410 Gone.</summary>
    Withdrawn,
}
