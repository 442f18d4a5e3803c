using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ModelGrid.Silo.Auth;

/// <summary>A request that carries a token which does not authenticate is answered 401, whatever the route.</summary>
public sealed class RejectInvalidTokenMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(BearerTokenHandler.SchemeName);
        if (result.Failure is { } failure)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Invalid token",
                    Detail = failure.Message,
                },
            });
            return;
        }

        await next(context);
    }
}
