using ModelGrid.Silo.Auth;

namespace ModelGrid.Silo.Web;

/// <summary>
/// On the browser pages only (<see cref="WebPage"/>), a request without a bearer token acts as its session's caller:
/// the cookie's token is validated exactly as a bearer token is. A session whose token no longer validates is ended.
/// </summary>
public sealed class WebSessionMiddleware(RequestDelegate next, WebSession session, TokenValidator tokens)
{
    /// <summary>The scheme name the session's caller is recorded under.</summary>
    public const string SchemeName = "Session";

    /// <summary>Sets the request's user from its session, then runs the rest of the pipeline.</summary>
    /// <param name="context">The request.</param>
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<WebPage>() is not null
            && context.User.Identity?.IsAuthenticated != true
            && context.Request.Cookies.ContainsKey(WebSession.CookieName))
        {
            var token = session.Token(context);
            var (caller, _) = token is null ? (null, null) : await tokens.ValidateAsync(token);
            if (caller is null)
            {
                // Unreadable, revoked or expired: the visitor is anonymous, and the browser forgets the cookie.
                session.End(context);
            }
            else
            {
                context.User = BearerTokenHandler.ToUser(caller, SchemeName);
            }
        }

        await next(context);
    }
}
