using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Silo.Web.Pages;

namespace ModelGrid.Silo.Web;

/// <summary>Pages answered from endpoints outside the router (the forms): a component in the site's layout, with a status.</summary>
public static class WebResults
{
    /// <summary>
    /// A page with a title and one message, e.g. a rejected form; to a client that does not ask for HTML (a script
    /// posting to a page's address) the same as a problem, as the API answers.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="title">The page's heading.</param>
    /// <param name="message">What happened and what to do.</param>
    public static IResult Message(HttpContext context, int status, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AcceptsHtml(context.Request)
            ? Page<MessagePage>(status, new Dictionary<string, object?> { [nameof(MessagePage.Title)] = title, [nameof(MessagePage.Message)] = message })
            : TypedResults.Problem(message, statusCode: status, title: title);
    }

    /// <summary>Whether the request asks for HTML, as browsers do for pages and forms.</summary>
    /// <param name="request">The request.</param>
    public static bool AcceptsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The page component <typeparamref name="TPage"/> with <paramref name="parameters"/>, in the layout.</summary>
    /// <typeparam name="TPage">The page.</typeparam>
    /// <param name="status">The HTTP status.</param>
    /// <param name="parameters">The page's parameters.</param>
    public static IResult Page<TPage>(int status, IDictionary<string, object?> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<InLayout>(new Dictionary<string, object?>
        {
            [nameof(InLayout.Page)] = typeof(TPage),
            [nameof(InLayout.Parameters)] = parameters,
        })
        { StatusCode = status };
}
