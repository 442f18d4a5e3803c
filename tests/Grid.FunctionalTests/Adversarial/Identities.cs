namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>What an identity may do, as the rules of the API see it.</summary>
public enum IdentityKind
{
    /// <summary>No Authorization header.</summary>
    Anonymous,

    /// <summary>A header that does not authenticate: every route answers 401 "Invalid token".</summary>
    Invalid,

    /// <summary>The read scope in the target owner's namespace (alice).</summary>
    OwnerReader,

    /// <summary>The publish scope in the target owner's namespace (alice).</summary>
    OwnerPublisher,

    /// <summary>The publish scope in another namespace (bob).</summary>
    OtherPublisher,

    /// <summary>The evaluate scope only, in a third namespace (carol).</summary>
    Evaluator,

    /// <summary>The bootstrap admin token.</summary>
    Admin,
}

/// <summary>One caller of the corpus: a name for case names, and what it may do.</summary>
public sealed record Identity(string Name, IdentityKind Kind)
{
    public override string ToString() => Name;
}

/// <summary>The identities every route is tried with. The tokens behind them are made by <see cref="CorpusWorld"/>.</summary>
public static class Identities
{
    public static readonly Identity Anonymous = new("anonymous", IdentityKind.Anonymous);
    public static readonly Identity Garbage = new("garbage-token", IdentityKind.Invalid);
    public static readonly Identity Forged = new("forged-token", IdentityKind.Invalid);
    public static readonly Identity Revoked = new("revoked-token", IdentityKind.Invalid);
    public static readonly Identity Expired = new("expired-token", IdentityKind.Invalid);
    public static readonly Identity AliceRead = new("alice-read", IdentityKind.OwnerReader);
    public static readonly Identity AlicePublish = new("alice-publish", IdentityKind.OwnerPublisher);
    public static readonly Identity BobPublish = new("bob-publish", IdentityKind.OtherPublisher);
    public static readonly Identity CarolEvaluate = new("carol-evaluate", IdentityKind.Evaluator);
    public static readonly Identity Admin = new("admin", IdentityKind.Admin);

    public static readonly IReadOnlyList<Identity> All =
        [Anonymous, Garbage, Forged, Revoked, Expired, AliceRead, AlicePublish, BobPublish, CarolEvaluate, Admin];

    /// <summary>Those who may not read alice's private models: each must find them indistinguishable from missing ones.</summary>
    public static readonly IReadOnlyList<Identity> Outsiders = [Anonymous, BobPublish, CarolEvaluate];

    public static Identity Named(string name) => All.Single(i => i.Name == name);
}
