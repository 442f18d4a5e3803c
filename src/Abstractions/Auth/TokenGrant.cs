namespace ModelGrid.Auth;

/// <summary>What an admin asks for when creating a token: its owner namespace, scopes, a note and an optional expiry.</summary>
[GenerateSerializer, Immutable, Alias("grid.TokenGrant")]
public sealed record TokenGrant(
    [property: Id(0)] string Owner,
    [property: Id(1)] TokenScopes Scopes,
    [property: Id(2)] string? Description,
    [property: Id(3)] DateTimeOffset? ExpiresAt);
