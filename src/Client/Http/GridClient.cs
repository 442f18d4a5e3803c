using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ModelGrid.Api;

namespace ModelGrid.Client.Http;

/// <summary>
/// A typed client of ModelGrid's REST API (<c>/api/v1</c>). Give it an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the hub and, for calls that need one, a bearer token. Errors become
/// <see cref="GridApiException"/> carrying the hub's ProblemDetails.
/// </summary>
public sealed partial class GridClient
{
    private readonly HttpClient _http;
    private TransientRetryHandler? _retries;

    /// <summary>Uses <paramref name="http"/> as it is configured.</summary>
    /// <param name="http">The HTTP client; its base address is the hub.</param>
    public GridClient(HttpClient http)
    {
        _http = http;
    }

    /// <summary>Creates a client for <paramref name="hub"/>, with an optional token, retrying as <see cref="TransientRetryPolicy.Default"/> says.</summary>
    /// <param name="hub">The hub's base address.</param>
    /// <param name="token">A bearer token, or null for anonymous calls.</param>
    public static GridClient Create(Uri hub, string? token) => Create(hub, token, TransientRetryPolicy.Default);

    /// <summary>Creates a client for <paramref name="hub"/>, with an optional token, that rides out a hub away for a moment as <paramref name="retry"/> says.</summary>
    /// <param name="hub">The hub's base address.</param>
    /// <param name="token">A bearer token, or null for anonymous calls.</param>
    /// <param name="retry">When repeatable requests are sent again.</param>
    public static GridClient Create(Uri hub, string? token, TransientRetryPolicy retry) =>
        Create(hub, token, retry, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.None });

    /// <summary>
    /// As <see cref="Create(Uri, string?, TransientRetryPolicy)"/>, sending through <paramref name="transport"/>: every
    /// attempt passes through it, the repeated ones too (a handler that observes or shapes the traffic).
    /// </summary>
    /// <param name="hub">The hub's base address.</param>
    /// <param name="token">A bearer token, or null for anonymous calls.</param>
    /// <param name="retry">When repeatable requests are sent again.</param>
    /// <param name="transport">The handler each attempt is sent through; the client owns it from now on.</param>
    public static GridClient Create(Uri hub, string? token, TransientRetryPolicy retry, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(transport);
        var handler = new TransientRetryHandler(retry, TimeProvider.System) { InnerHandler = transport };
        var http = new HttpClient(handler) { BaseAddress = hub, Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("grid", typeof(GridClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        return new GridClient(http) { Retry = retry, _retries = handler };
    }

    /// <summary>How requests are repeated while the hub is away; transfers resume by the same rule.</summary>
    public TransientRetryPolicy Retry { get; private init; } = TransientRetryPolicy.None;

    /// <summary>Whether the hub has answered this client: only then is a failed connection worth waiting out.</summary>
    internal bool HubAnswered => _retries?.Answered ?? false;

    /// <summary>The hub's base address.</summary>
    public Uri? BaseAddress => _http.BaseAddress;

    /// <summary>Who the hub thinks the caller is.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<WhoAmI> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<WhoAmI>("api/v1/whoami", cancellationToken);

    internal static string Path(ModelId model) => $"api/v1/models/{Uri.EscapeDataString(model.Owner)}/{Uri.EscapeDataString(model.Name)}";

    internal static string FilePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<T> GetJsonAsync<T>(string uri, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(uri, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string uri, object? body, CancellationToken cancellationToken, bool repeatable = false)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (repeatable)
        {
            TransientRetryHandler.MarkRepeatable(request);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
            ?? throw new GridApiException(response.StatusCode, "Empty answer", "the hub answered without a body");
    }

    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string title = response.ReasonPhrase ?? response.StatusCode.ToString();
        string? detail = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.Ordinal))
            {
                using var problem = JsonDocument.Parse(text);
                if (problem.RootElement.TryGetProperty("title", out var t) && t.GetString() is { } parsedTitle)
                {
                    title = parsedTitle;
                }

                if (problem.RootElement.TryGetProperty("detail", out var d))
                {
                    detail = d.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not ProblemDetails: the status line is all there is.
        }

        var offset = response.Headers.TryGetValues("Upload-Offset", out var values) ? values.FirstOrDefault() : null;
        throw new GridApiException(response.StatusCode, title, detail, offset, response.Headers.RetryAfter?.Delta);
    }
}
