namespace ModelGrid.Hub;

/// <summary>A domain error with a short title and a one-line detail, carried across grain calls to the API.</summary>
[GenerateSerializer, Alias("grid.HubException")]
public sealed class HubException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="kind">What kind of error it is.</param>
    /// <param name="title">A short, stable title.</param>
    /// <param name="detail">A one-line explanation for this occurrence.</param>
    public HubException(HubErrorKind kind, string title, string detail)
        : base(detail)
    {
        Kind = kind;
        Title = title;
    }

    /// <summary>What kind of error it is.</summary>
    [Id(0)] public HubErrorKind Kind { get; }

    /// <summary>A short, stable title, e.g. "Version not found".</summary>
    [Id(1)] public string Title { get; }

    /// <summary>How long the caller should wait before trying again (<c>Retry-After</c>), when that is known.</summary>
    [Id(2)] public TimeSpan? RetryAfter { get; init; }

    /// <summary>The input is malformed.</summary>
    /// <param name="detail">A one-line explanation.</param>
    public static HubException Invalid(string detail) => new(HubErrorKind.Invalid, "Invalid request", detail);

    /// <summary>The thing does not exist.</summary>
    /// <param name="title">A short title, e.g. "Model not found".</param>
    /// <param name="detail">A one-line explanation.</param>
    public static HubException NotFound(string title, string detail) => new(HubErrorKind.NotFound, title, detail);

    /// <summary>The call needs a token.</summary>
    /// <param name="detail">A one-line explanation.</param>
    public static HubException Unauthorized(string detail) => new(HubErrorKind.Unauthorized, "Authentication required", detail);

    /// <summary>The caller made too many requests of this kind for now.</summary>
    /// <param name="detail">A one-line explanation.</param>
    public static HubException TooManyRequests(string detail) => new(HubErrorKind.TooManyRequests, "Too many requests", detail);

    /// <summary>The caller made too many requests of this kind for now, and may try again after <paramref name="retryAfter"/>.</summary>
    /// <param name="detail">A one-line explanation.</param>
    /// <param name="retryAfter">How long until the caller may try again.</param>
    public static HubException TooManyRequests(string detail, TimeSpan retryAfter) =>
        new(HubErrorKind.TooManyRequests, "Too many requests", detail) { RetryAfter = retryAfter };

    /// <summary>The caller lacks the right.</summary>
    /// <param name="detail">A one-line explanation.</param>
    public static HubException Forbidden(string detail) => new(HubErrorKind.Forbidden, "Forbidden", detail);

    /// <summary>The request conflicts with the current state.</summary>
    /// <param name="title">A short title.</param>
    /// <param name="detail">A one-line explanation.</param>
    public static HubException Conflict(string title, string detail) => new(HubErrorKind.Conflict, title, detail);
}
