namespace ModelGrid.Auth;

/// <summary>One bearer token, keyed by its public id; it keeps the SHA-256 of the secret, never the secret.</summary>
[Alias("grid.IAccessTokenGrain")]
public interface IAccessTokenGrain : IGrainWithStringKey
{
    /// <summary>Stores a new token; a conflict when the id is taken.</summary>
    /// <param name="grant">Owner, scopes, description, expiry.</param>
    /// <param name="secretHash">Hex SHA-256 of the secret part.</param>
    /// <param name="createdBy">Who created it.</param>
    [Alias("Create")] Task<TokenInfo> Create(TokenGrant grant, string secretHash, string createdBy);

    /// <summary>The token's record, or null.</summary>
    [Alias("Get")] Task<TokenInfo?> Get();

    /// <summary>The principal of the token when the secret matches and it is neither revoked nor expired; else null.</summary>
    /// <param name="secretHash">Hex SHA-256 of the presented secret.</param>
    [Alias("Authenticate")] Task<Principal?> Authenticate(string secretHash);

    /// <summary>Revokes the token; from then on it authenticates nobody. Idempotent.</summary>
    /// <param name="by">Who revokes it.</param>
    [Alias("Revoke")] Task<TokenInfo> Revoke(string by);
}
