namespace ModelGrid.Auth;

/// <summary>Who is calling: a token (its id, owner namespace and scopes), the bootstrap admin, or anonymous.</summary>
public sealed record Principal(
    string Subject,
    string? Owner,
    TokenScopes Scopes)
{
    /// <summary>A caller without a token.</summary>
    public static readonly Principal Anonymous = new("anonymous", null, TokenScopes.None);

    /// <summary>The grid itself, for work it does on its own behalf (the demo, artifact imports).</summary>
    public static readonly Principal System = new("system", null, TokenScopes.Admin);

    /// <summary>Whether the caller has no token.</summary>
    public bool IsAnonymous => ReferenceEquals(this, Anonymous) || Subject == Anonymous.Subject;

    /// <summary>Whether the caller may do everything.</summary>
    public bool IsAdmin => Scopes.HasFlag(TokenScopes.Admin);

    /// <summary>Whether the caller may submit evaluation runs (evaluate, publish or admin scope).</summary>
    public bool CanEvaluate => IsAdmin || Scopes.HasFlag(TokenScopes.Evaluate) || Scopes.HasFlag(TokenScopes.Publish);

    /// <summary>Whether the caller may publish into <paramref name="owner"/>'s namespace.</summary>
    /// <param name="owner">The namespace.</param>
    public bool CanPublish(string owner) =>
        IsAdmin || (Scopes.HasFlag(TokenScopes.Publish) && string.Equals(Owner, owner, StringComparison.Ordinal));

    /// <summary>Whether the caller may read a model of <paramref name="owner"/> with the given visibility.</summary>
    /// <param name="owner">The model's namespace.</param>
    /// <param name="isPublic">Whether the model is public.</param>
    public bool CanRead(string owner, bool isPublic) =>
        isPublic
        || IsAdmin
        || ((Scopes.HasFlag(TokenScopes.Read) || Scopes.HasFlag(TokenScopes.Publish))
            && string.Equals(Owner, owner, StringComparison.Ordinal));

    /// <summary>The name recorded as the author of a change: the owner and token id, or the subject.</summary>
    public string DisplayName => Owner is null ? Subject : $"{Owner} ({Subject})";
}
