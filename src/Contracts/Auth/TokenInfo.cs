namespace ModelGrid.Auth;

/// <summary>A token as listed: never its secret, which is shown once at creation and stored only as a hash.</summary>
public sealed record TokenInfo(
    string Id,
    string Owner,
    TokenScopes Scopes,
    string? Description,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy);
