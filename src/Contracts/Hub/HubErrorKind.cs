namespace ModelGrid.Hub;

/// <summary>The kinds of domain error a grain reports; the API maps each to an HTTP status.</summary>
public enum HubErrorKind
{
    /// <summary>The input is malformed or breaks a rule (400).</summary>
    Invalid,

    /// <summary>The thing does not exist, or the caller may not know that it does (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state, e.g. uploading to a published version (409).</summary>
    Conflict,

    /// <summary>The thing existed and was withdrawn (410).</summary>
    Gone,

    /// <summary>The caller is known but lacks the right (403).</summary>
    Forbidden,

    /// <summary>The call needs a token and none (or no valid one) came with it (401).</summary>
    Unauthorized,

    /// <summary>A byte range lies outside the content (416).</summary>
    RangeNotSatisfiable,

    /// <summary>Too many requests of this kind from the caller for now (HTTP 429).</summary>
    TooManyRequests,
}
