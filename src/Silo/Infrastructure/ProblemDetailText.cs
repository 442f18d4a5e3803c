using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Completes every ProblemDetails the API writes: a one-line detail for the problems that carry only a status (an
/// unknown route, a method a route does not take, a missing token), and no control or invisible formatting characters in any detail,
/// which often quotes what the caller sent (a %0A or a bidirectional override in a name).
/// </summary>
public static class ProblemDetailText
{
    public static void Complete(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Status == StatusCodes.Status401Unauthorized && problem.Detail is null)
        {
            // A challenge from an endpoint's authorization policy (the operators' endpoints) reads as the API's own.
            problem.Title = "Authentication required";
            problem.Detail = $"{Target(context.HttpContext)} needs a bearer token (Authorization: Bearer <token>)";
        }

        problem.Detail = Escape(problem.Detail ?? StatusDetail(context.HttpContext, problem.Status, problem.Title));
    }

    /// <summary>Writes control, format and line-separator characters as <c>\uXXXX</c>, so the text is one visible line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>The detail of a 415: what the route takes and what it was sent.</summary>
    public static string NotJson(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var sent = http.Request.ContentType is { } type ? $"'{type}'" : "a body without a Content-Type";
        return $"{Target(http)} takes a JSON body (Content-Type: application/json), not {sent}";
    }

    private static string StatusDetail(HttpContext http, int? status, string? title)
    {
        var request = http.Request;
        var target = Target(http);
        return status switch
        {
            StatusCodes.Status404NotFound => $"nothing is served at {target}; the API is under /api/v1 (see /docs or /openapi/v1.json)",
            StatusCodes.Status405MethodNotAllowed => $"{target}: this route does not take {request.Method}",
            StatusCodes.Status415UnsupportedMediaType => NotJson(http),
            _ => $"{target} was answered {status?.ToString(CultureInfo.InvariantCulture)} {title}",
        };
    }

    /// <summary>The target as it was sent (percent-encoded, without the query), not as decoded.</summary>
    private static string Target(HttpContext http)
    {
        var request = http.Request;
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } sent
            ? sent.Split('?')[0]
            : $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}";
        return $"{request.Method} {raw}";
    }
}
