using Microsoft.AspNetCore.Components;
using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Web;

/// <summary>
/// The base of every routed page: the request, the caller it acts for (a bearer token or the session, by the same
/// rules as the API), and loading that turns the hub's refusals into a page with the same status the API gives
/// (a private model someone may not read is a 404 here as there).
/// </summary>
public abstract class HubPage : ComponentBase
{
    /// <summary>The request being rendered (static server rendering always has one).</summary>
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    /// <summary>Who the page acts for.</summary>
    protected Principal Caller => HttpContext?.Caller() ?? Principal.Anonymous;

    /// <summary>The request's cancellation.</summary>
    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>Set when the page cannot show what was asked for; the page then shows it instead.</summary>
    protected PageProblem? Problem { get; private set; }

    /// <summary>Runs <paramref name="load"/>; a <see cref="HubException"/> becomes <see cref="Problem"/> and the response's status.</summary>
    /// <param name="load">What the page reads.</param>
    protected async Task LoadAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load();
        }
        catch (HubException e)
        {
            Fail(HubExceptionHandler.StatusOf(e.Kind), e.Title, e.Message);
        }
    }

    /// <summary>Shows <paramref name="title"/> and <paramref name="detail"/> instead of the page, with <paramref name="status"/>.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="title">The heading.</param>
    /// <param name="detail">What went wrong and what to do.</param>
    protected void Fail(int status, string title, string detail)
    {
        Problem = new PageProblem(status, title, detail);
        if (HttpContext is { Response.HasStarted: false } context)
        {
            // The page itself says what is wrong: the generic status page must not replace it.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            // Set as the response starts, after the page is rendered: a 404 set while rendering makes the renderer
            // drop the page in favour of a not-found page of its own.
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = status;
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>A query-string value of the request, or null.</summary>
    /// <param name="name">The parameter's name.</param>
    protected string? Query(string name) =>
        HttpContext?.Request.Query.TryGetValue(name, out var value) == true && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
}
