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
    TokenValidator tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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

        var (principal, failure) = await tokens.ValidateAsync(header["Bearer ".Length..].Trim());
        return principal is null ? AuthenticateResult.Fail(failure!) : Success(principal);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    private static AuthenticateResult Success(Principal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(ToUser(principal, SchemeName), SchemeName));

    /// <summary>The claims a caller is carried in, read back by <see cref="CallerExtensions.Caller"/>.</summary>
    /// <param name="principal">The caller.</param>
    /// <param name="scheme">The authentication scheme that recognised it.</param>
    public static ClaimsPrincipal ToUser(Principal principal, string scheme)
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

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
