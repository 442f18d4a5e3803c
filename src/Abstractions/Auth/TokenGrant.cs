namespace ModelGrid.Auth;

/// <summary>What an admin asks for when creating a token: its owner namespace, scopes, a note and an optional expiry.</summary>
[GenerateSerializer, Immutable, Alias("grid.TokenGrant")]
public sealed record TokenGrant(
    [property: Id(0)] string Owner,
    [property: Id(1)] TokenScopes Scopes,
    [property: Id(2)] string? Description,
    [property: Id(3)] DateTimeOffset? ExpiresAt)
{
    /// <summary>Why a token with this grant cannot be created at <paramref name="now"/>, or null when it can.</summary>
    /// <param name="now">The hub's current time.</param>
    /// <remarks>A token that expires at or before its creation would never work; it is refused rather than issued dead.</remarks>
    public string? Problem(DateTimeOffset now) =>
        ExpiresAt is { } expires && expires <= now
            ? $"expiresAt {Utc(expires)} is not in the future (the hub's time is {Utc(now)}); a token must expire after it is created"
            : null;

    private static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
