using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ModelGrid.Silo.Operations;

/// <summary>
/// <c>/health</c>: 200 once start-up is done (as it always was); <c>/health/live</c>: 200 while the process serves
/// requests at all; <c>/health/ready</c>: 200 when start-up is done, the blob store answers and this silo is an active
/// cluster member, else 503. Each answers a small JSON object with every check's status and description.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks only readiness runs.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapGridHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
