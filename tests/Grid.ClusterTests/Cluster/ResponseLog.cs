using System.Collections.Concurrent;
using System.Diagnostics;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// Every answer the test's clients got, repeated attempts included: a handler from <see cref="Handler"/> sits below
/// a client's retries, so it sees each attempt as it came (status, <c>Retry-After</c>, content type, when) and each
/// connection that failed.
/// </summary>
public sealed class ResponseLog
{
    private readonly ConcurrentQueue<Seen> _seen = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyList<Seen> All => [.. _seen];

    /// <summary>The time on this log's clock, to compare with <see cref="Seen.At"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>A new transport for one client, recording into this log.</summary>
    public HttpMessageHandler Handler() => new Recorder(this) { InnerHandler = new SocketsHttpHandler() };

    /// <summary>One attempt: its status (0 when the connection failed), whether it said when to retry, its content type, the failure if any.</summary>
    public sealed record Seen(TimeSpan At, string Method, string Path, int Status, bool RetryAfter, string? ContentType, string? Failure);

    private sealed class Recorder(ResponseLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri?.AbsolutePath ?? string.Empty;
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                log._seen.Enqueue(new Seen(
                    log.Now, request.Method.Method, path, (int)response.StatusCode, response.Headers.RetryAfter is not null,
                    response.Content.Headers.ContentType?.MediaType, null));
                return response;
            }
            catch (HttpRequestException e)
            {
                log._seen.Enqueue(new Seen(log.Now, request.Method.Method, path, 0, false, null, e.Message));
                throw;
            }
        }
    }
}
