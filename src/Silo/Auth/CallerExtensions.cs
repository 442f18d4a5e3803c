using System.Globalization;
using System.Security.Claims;
using ModelGrid.Auth;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Auth;

/// <summary>The <see cref="Principal"/> behind a request, and the checks every mutating route makes.</summary>
public static class CallerExtensions
{
    public static Principal Caller(this HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Principal.Anonymous;
        }

        var subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var scopes = (TokenScopes)int.Parse(user.FindFirstValue(BearerTokenHandler.ScopesClaim) ?? "0", CultureInfo.InvariantCulture);
        return new Principal(subject, user.FindFirstValue(BearerTokenHandler.OwnerClaim), scopes);
    }

    /// <summary>Throws 401 for anonymous callers and 403 for tokens that may not publish into <paramref name="owner"/>.</summary>
    public static void RequirePublish(this Principal caller, string owner)
    {
        if (caller.IsAnonymous)
        {
            throw HubException.Unauthorized($"this call changes {owner}'s namespace and needs a token with the publish scope for it");
        }

        if (!caller.CanPublish(owner))
        {
            throw HubException.Forbidden(caller.Scopes.HasFlag(TokenScopes.Publish)
                ? $"the token belongs to {caller.Owner}; it may publish only there, not in {owner}"
                : "the token lacks the publish scope");
        }
    }

    /// <summary>Throws 401 for anonymous callers and 403 for tokens without the admin scope.</summary>
    public static void RequireAdmin(this Principal caller)
    {
        if (caller.IsAnonymous)
        {
            throw HubException.Unauthorized("this call needs a token with the admin scope");
        }

        if (!caller.IsAdmin)
        {
            throw HubException.Forbidden("this call needs a token with the admin scope");
        }
    }
}
