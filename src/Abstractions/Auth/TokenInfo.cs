namespace ModelGrid.Auth;

/// <summary>A token as listed: never its secret, which is shown once at creation and stored only as a hash.</summary>
[GenerateSerializer, Immutable, Alias("grid.TokenInfo")]
public sealed record TokenInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Owner,
    [property: Id(2)] TokenScopes Scopes,
    [property: Id(3)] string? Description,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? ExpiresAt,
    [property: Id(7)] DateTimeOffset? RevokedAt,
    [property: Id(8)] string? RevokedBy);
