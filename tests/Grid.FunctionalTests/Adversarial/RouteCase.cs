namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Who may call a route, in the terms of the API's rules.</summary>
public enum Access
{
    /// <summary>Anyone, anonymous too (reads of public models, lists, health).</summary>
    Open,

    /// <summary>Any valid token (listing one's tokens).</summary>
    Token,

    /// <summary>A token that may publish into alice's namespace: 401 anonymous, 403 any other token.</summary>
    Publisher,

    /// <summary>Something of alice's addressed by id (an upload, a token): others are told it does not exist.</summary>
    OwnedResource,

    /// <summary>A job's submitter, the model's publishers, or an admin.</summary>
    JobOwner,

    /// <summary>The admin scope.</summary>
    Admin,

    /// <summary>Any token that may submit evaluations (evaluate, publish or admin) of a model it may read.</summary>
    Evaluate,
}

/// <summary>A request arranged for one case, and where it may write when it succeeds.</summary>
/// <param name="Request">The request, without Authorization.</param>
/// <param name="Writes">Where a successful call may write.</param>
/// <param name="Settle">What to wait for after a successful call before the data folder is listed again.</param>
public sealed record RouteCall(WireRequest Request, WriteScope Writes, Func<WireResponse, Task>? Settle = null);

/// <summary>
/// How to call one route and what it answers each identity. <see cref="Arrange"/> gets whether the identity will
/// succeed: a successful mutation gets targets of its own (a fresh draft, session, alias or token), a refused one
/// aims at the shared targets, which a refusal must leave untouched.
/// </summary>
public sealed record RouteCase(Access Access, Outcome Success, Func<CorpusWorld, bool, Task<RouteCall>> Arrange, string? HiddenTitle = null)
{
    public Outcome Expect(Identity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Kind switch
        {
            IdentityKind.Invalid => Outcome.InvalidToken,
            IdentityKind.Anonymous => Access == Access.Open ? Success : Outcome.NeedsToken,
            IdentityKind.Admin => Success,
            IdentityKind.OwnerPublisher => Access == Access.Admin ? Outcome.Forbidden : Success,
            IdentityKind.OwnerReader => Access switch
            {
                Access.Open or Access.Token => Success,
                Access.OwnedResource => new Outcome(404, HiddenTitle),
                _ => Outcome.Forbidden,
            },
            _ => Access switch
            {
                Access.Open or Access.Token or Access.Evaluate => Success,
                Access.OwnedResource => new Outcome(404, HiddenTitle),
                _ => Outcome.Forbidden,
            },
        };
    }

    /// <summary>Whether <paramref name="identity"/> gets the route's successful answer.</summary>
    public bool Succeeds(Identity identity) => Expect(identity) == Success;
}
