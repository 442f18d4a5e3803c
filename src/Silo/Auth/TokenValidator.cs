using ModelGrid.Auth;

namespace ModelGrid.Silo.Auth;

/// <summary>
/// Decides who a presented token is: the bootstrap admin token, or a hub token whose grain confirms the hash and that
/// it is neither revoked nor expired. The API's bearer scheme and the web pages' session both ask it, so a token means
/// the same caller on both.
/// </summary>
public sealed class TokenValidator(AdminToken admin, IGrainFactory grains)
{
    /// <summary>The caller the token stands for, or the reason it stands for no one.</summary>
    /// <param name="token">The token as presented, without the <c>Bearer </c> prefix.</param>
    public async Task<(Principal? Caller, string? Failure)> ValidateAsync(string token)
    {
        if (admin.Matches(token))
        {
            return (new Principal("admin", null, TokenScopes.Admin | TokenScopes.Publish | TokenScopes.Read | TokenScopes.Evaluate), null);
        }

        if (!TokenIssuer.TryParseId(token, out var id))
        {
            return (null, "the bearer token is not a ModelGrid token");
        }

        var principal = await grains.GetGrain<IAccessTokenGrain>(id).Authenticate(TokenIssuer.Hash(token));
        return principal is null ? (null, "the bearer token is unknown, revoked or expired") : (principal, null);
    }
}
