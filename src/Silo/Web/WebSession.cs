using Microsoft.AspNetCore.DataProtection;

namespace ModelGrid.Silo.Web;

/// <summary>
/// The browser session: the token a visitor signed in with, kept encrypted and authenticated in an HttpOnly,
/// SameSite=Strict cookie (Secure over HTTPS). The token itself is kept, not the caller it named, so each request is
/// checked again as a bearer token is: a token revoked or expired ends its sessions at once.
/// </summary>
public sealed class WebSession(IDataProtectionProvider protection)
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "grid_session";

    private readonly IDataProtector _protector = protection.CreateProtector("ModelGrid.Web.Session.v1");

    /// <summary>Starts a session for <paramref name="token"/>, which the caller has already validated.</summary>
    /// <param name="context">The request that signs in.</param>
    /// <param name="token">The token.</param>
    public void Start(HttpContext context, string token) =>
        context.Response.Cookies.Append(CookieName, _protector.Protect(token), Options(context));

    /// <summary>Ends the session, if there is one.</summary>
    /// <param name="context">The request that signs out.</param>
    public void End(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context));

    /// <summary>The token of the request's session; null without a cookie or with one this hub did not write.</summary>
    /// <param name="context">The request.</param>
    public string? Token(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A cookie from another key ring (a restarted hub without persisted keys) or a forged one: no session.
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
