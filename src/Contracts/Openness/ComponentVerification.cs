namespace ModelGrid.Openness;

/// <summary>Whether the hub can see that an included component is really there.</summary>
public enum ComponentVerification
{
    /// <summary>Files of this version are tagged as the component (or its path is a file of this version): the manifest holds them.</summary>
    Verified,

    /// <summary>Only claimed: the component is elsewhere (a path or URL outside this version) or nowhere said.</summary>
    Claimed,
}
