using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ModelGrid.Auth;

namespace ModelGrid.Silo.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c>: the bootstrap admin token, or a token whose grain confirms the
/// hash and that it is neither revoked nor expired. No header means anonymous; a wrong one fails the request.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminToken admin,
    IGrainFactory grains) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    internal const string OwnerClaim = "grid:owner";
    internal const string ScopesClaim = "grid:scopes";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header must be 'Bearer <token>'");
        }

        var token = header["Bearer ".Length..].Trim();
        if (admin.Matches(token))
        {
            return Success(new Principal("admin", null, TokenScopes.Admin | TokenScopes.Publish | TokenScopes.Read | TokenScopes.Evaluate));
        }

        if (!TokenIssuer.TryParseId(token, out var id))
        {
            return AuthenticateResult.Fail("the bearer token is not a ModelGrid token");
        }

        var principal = await grains.GetGrain<IAccessTokenGrain>(id).Authenticate(TokenIssuer.Hash(token));
        return principal is null
            ? AuthenticateResult.Fail("the bearer token is unknown, revoked or expired")
            : Success(principal);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    private AuthenticateResult Success(Principal principal)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, principal.Subject),
            new(ScopesClaim, ((int)principal.Scopes).ToString(CultureInfo.InvariantCulture)),
        };
        if (principal.Owner is not null)
        {
            claims.Add(new Claim(OwnerClaim, principal.Owner));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
