using System.Net;

namespace ModelGrid.Client.Http;

/// <summary>An error answer of the hub, with its ProblemDetails title and detail.</summary>
public sealed class GridApiException(HttpStatusCode status, string title, string? detail, string? uploadOffset = null, TimeSpan? retryAfter = null)
    : Exception(detail is null ? title : $"{title}: {detail}")
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>The ProblemDetails title.</summary>
    public string Title { get; } = title;

    /// <summary>The ProblemDetails detail.</summary>
    public string? Detail { get; } = detail;

    /// <summary>For a rejected upload chunk: the offset the hub holds.</summary>
    public string? UploadOffset { get; } = uploadOffset;

    /// <summary>How long the hub asked the caller to wait (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
