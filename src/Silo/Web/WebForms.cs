using Microsoft.AspNetCore.Antiforgery;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Silo.Web.Pages;

namespace ModelGrid.Silo.Web;

/// <summary>
/// The pages' forms: sign in, sign out and submit an evaluation. Each checks its antiforgery token first and answers a
/// form without a valid one with a page saying so; each success redirects (303) to a page to read.
/// </summary>
public static class WebForms
{
    /// <summary>The form field that carries the token on <c>/signin</c>.</summary>
    public const string TokenField = "token";

    /// <summary>Maps <c>POST /signin</c>, <c>POST /signout</c> and <c>POST /evaluations</c>.</summary>
    /// <param name="web">The route builder of the pages.</param>
    public static IEndpointRouteBuilder MapWebForms(this IEndpointRouteBuilder web)
    {
        web.MapPost("/signin", SignIn).WithMetadata(WebPage.Instance).ExcludeFromDescription();
        web.MapPost("/signout", SignOut).WithMetadata(WebPage.Instance).ExcludeFromDescription();
        web.MapPost("/evaluations", SubmitEvaluation).WithMetadata(WebPage.Instance).ExcludeFromDescription();
        return web;
    }

    /// <summary>Validates the posted token as the API validates a bearer token and, when it names a caller, starts a session.</summary>
    /// <param name="context">The request.</param>
    /// <param name="antiforgery">The antiforgery service.</param>
    /// <param name="tokens">The token validator the API uses.</param>
    /// <param name="session">The session cookie.</param>
    public static async Task<IResult> SignIn(HttpContext context, IAntiforgery antiforgery, TokenValidator tokens, WebSession session)
    {
        if (await RejectedAsync(context, antiforgery) is { } rejected)
        {
            return rejected;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var token = form[TokenField].ToString().Trim();
        var returnUrl = LocalOrHome(form["returnUrl"].ToString());
        var (caller, failure) = token.Length == 0 ? (null, "enter a token") : await tokens.ValidateAsync(token);
        if (caller is null)
        {
            return WebResults.Page<SignInPage>(
                StatusCodes.Status401Unauthorized,
                new Dictionary<string, object?> { [nameof(SignInPage.Error)] = $"Not signed in: {failure}.", [nameof(SignInPage.ReturnUrl)] = returnUrl });
        }

        session.Start(context, token);
        return SeeOther(context, returnUrl);
    }

    /// <summary>Ends the session and returns to the home page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="antiforgery">The antiforgery service.</param>
    /// <param name="session">The session cookie.</param>
    public static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery, WebSession session)
    {
        if (await RejectedAsync(context, antiforgery) is { } rejected)
        {
            return rejected;
        }

        session.End(context);
        return SeeOther(context, "/");
    }

    /// <summary>
    /// Submits an evaluation for the session's caller through the same path as <c>POST /api/v1/evaluations</c>
    /// (access, deduplication, reuse, rate limits), then shows its job.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="antiforgery">The antiforgery service.</param>
    /// <param name="evaluations">The evaluation queries the API uses.</param>
    public static async Task<IResult> SubmitEvaluation(HttpContext context, IAntiforgery antiforgery, EvaluationQueries evaluations)
    {
        if (await RejectedAsync(context, antiforgery) is { } rejected)
        {
            return rejected;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var model = form["model"].ToString();
        var suite = form["suite"].ToString();
        var version = form["version"].ToString();
        try
        {
            if (model.Length == 0 || suite.Length == 0)
            {
                throw HubException.Invalid("choose a model and a suite to evaluate");
            }

            var request = new SubmitEvaluationRequest(model, suite, version.Length == 0 ? null : version, form["force"] == "true");
            var view = await evaluations.SubmitAsync(context.Caller(), request, context.RequestAborted);
            return SeeOther(context, $"/evaluations/{view.Job.Id:D}");
        }
        catch (HubException e)
        {
            return WebResults.Message(context, HubExceptionHandler.StatusOf(e.Kind), "The evaluation was not submitted", e.Message);
        }
    }

    private static async Task<IResult?> RejectedAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
        {
            return WebResults.Message(context, StatusCodes.Status400BadRequest, "Form rejected", "This address takes a form posted from one of the hub's pages.");
        }

        return await antiforgery.IsRequestValidAsync(context)
            ? null
            : WebResults.Message(
                context,
                StatusCodes.Status400BadRequest,
                "Form rejected",
                "The form did not carry a valid antiforgery token, so it may not have come from this hub's own page. Go back, reload the page and send the form again.");
    }

    private static string LocalOrHome(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    // 303: the browser follows with a GET, so reloading the page it lands on never posts the form again.
    private static Microsoft.AspNetCore.Http.HttpResults.StatusCodeHttpResult SeeOther(HttpContext context, string url)
    {
        context.Response.Headers.Location = url;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }
}
