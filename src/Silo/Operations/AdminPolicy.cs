using Microsoft.AspNetCore.Authorization;
using ModelGrid.Silo.Auth;

namespace ModelGrid.Silo.Operations;

/// <summary>The authorization policy of operators' endpoints: a bearer token with the admin scope (401 without one, 403 with another).</summary>
public static class AdminPolicy
{
    public const string Name = "grid-admin";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Name, policy => policy
            .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.Resource is HttpContext http && http.Caller().IsAdmin));
}
