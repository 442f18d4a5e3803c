using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ModelGrid.Hub;
using ModelGrid.Silo.Hub;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Content;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>Turns domain and request errors into ProblemDetails with a clear title and a one-line detail.</summary>
public sealed partial class HubExceptionHandler(IProblemDetailsService problems, ILogger<HubExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var (status, title, detail) = exception switch
        {
            HubException e => (StatusOf(e.Kind), e.Title, e.Message),
            UploadOffsetConflictException e => (StatusCodes.Status409Conflict, "Upload offset mismatch", $"{e.Message}; resume from Upload-Offset"),
            ContentMismatchException e => (StatusCodes.Status400BadRequest, "Content does not match its declaration", $"{e.Message}; nothing was stored"),
            BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge => (e.StatusCode, "Request body too large", e.Message),
            BadHttpRequestException e when e.StatusCode == StatusCodes.Status415UnsupportedMediaType => (e.StatusCode, "Unsupported Media Type", e.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            ArtifactUnavailableException e => (StatusCodes.Status503ServiceUnavailable, "Artifact unavailable", e.Message),
            DamagedStateException e => (StatusCodes.Status503ServiceUnavailable, "Damaged state record", $"the stored state of {Subject(e)} cannot be read: {e.Message}; an administrator can list and quarantine damaged records with 'grid admin check'"),
            _ when SiloFailures.IsClusterChange(exception) => (StatusCodes.Status503ServiceUnavailable, "Cluster changing", "a silo holding part of this request's state left the cluster and its work is moving; retry shortly"),
            _ when SiloFailures.IsStorageOutage(exception) => (StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "the grid's storage cannot be reached right now; retry shortly"),
            _ when SiloFailures.IsCallTimeout(exception) => (StatusCodes.Status503ServiceUnavailable, "Grid busy", "part of the grid did not answer in time (its storage may be unreachable or a silo overloaded); retry shortly"),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error", "the server could not complete the request; its log has the details"),
        };

        if (status >= 500)
        {
            LogFailure(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.StatusCode = status;
        if (exception is UploadOffsetConflictException offset)
        {
            httpContext.Response.Headers["Upload-Offset"] = offset.Actual.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (exception is HubException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (SiloFailures.IsTransient(exception))
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(TransientRetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeOf(status) },
        });
    }

    /// <summary>What a 503 for a changing cluster, unreachable storage or a grain that did not answer in time asks the caller to wait.</summary>
    public static TimeSpan TransientRetryAfter { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Whole seconds, rounded up and at least 1, as <c>Retry-After</c> takes them.</summary>
    public static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    /// <summary>The problem type of statuses ASP.NET Core has no default for; null leaves its default.</summary>
    private static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        _ => null,
    };

    /// <summary>What the damaged record holds, in the API's words.</summary>
    private static string Subject(DamagedStateException e) => e.GrainType switch
    {
        "model" => $"model {e.GrainKey}",
        "version" => $"version {e.GrainKey}",
        "evaluation-job" => $"evaluation job {e.GrainKey}",
        "catalog" => "the model catalogue",
        _ => $"{e.GrainType} {e.GrainKey}",
    };

    internal static int StatusOf(HubErrorKind kind) => kind switch
    {
        HubErrorKind.Invalid => StatusCodes.Status400BadRequest,
        HubErrorKind.NotFound => StatusCodes.Status404NotFound,
        HubErrorKind.Conflict => StatusCodes.Status409Conflict,
        HubErrorKind.Gone => StatusCodes.Status410Gone,
        HubErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        HubErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        HubErrorKind.RangeNotSatisfiable => StatusCodes.Status416RangeNotSatisfiable,
        HubErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, PathString path, Exception exception);
}
