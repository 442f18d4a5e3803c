namespace ModelGrid.Auth;

/// <summary>What a token may do. <c>publish</c> is limited to the token's own namespace; <c>admin</c> may do everything.</summary>
[Flags]
public enum TokenScopes
{
    /// <summary>Nothing beyond what anonymous callers may do.</summary>
    None = 0,

    /// <summary>Read public models and the private models of the token's own namespace.</summary>
    Read = 1,

    /// <summary>Create and change models and versions in the token's own namespace (implies read there).</summary>
    Publish = 2,

    /// <summary>Everything, in every namespace; create owners and tokens.</summary>
    Admin = 4,

    /// <summary>Submit evaluation runs of models the token may read (rate-limited).</summary>
    Evaluate = 8,
}
