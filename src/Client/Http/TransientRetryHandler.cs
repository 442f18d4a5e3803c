using System.Globalization;

namespace ModelGrid.Client.Http;

/// <summary>
/// Sends a repeatable request again while the hub is away (<see cref="TransientRetryPolicy"/>). Repeatable are GET
/// and HEAD, and bodiless requests the client marks (<see cref="MarkRepeatable"/>) because the hub answers them the
/// same when they arrive twice. Anything with a body is sent once: its caller knows how to resume it. A failed
/// connection is retried only once the hub has answered this client: a hub that never answered is more likely a wrong
/// address than one restarting, and is said so at once.
/// </summary>
internal sealed class TransientRetryHandler(TransientRetryPolicy policy, TimeProvider time) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> Repeatable = new("grid.repeatable");
    private volatile bool _answered;

    /// <summary>Whether the hub has answered any request of this client.</summary>
    public bool Answered => _answered;

    /// <summary>Marks a bodiless write the hub treats as idempotent (publishing a published version answers that version).</summary>
    public static void MarkRepeatable(HttpRequestMessage request) => request.Options.Set(Repeatable, true);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (policy.Budget <= TimeSpan.Zero || !IsRepeatable(request))
        {
            var once = await base.SendAsync(request, cancellationToken);
            _answered = true;
            return once;
        }

        var started = time.GetTimestamp();
        var pause = policy.FirstDelay;
        while (true)
        {
            HttpResponseMessage? response = null;
            HttpRequestException? failure = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
                _answered = true;
                if (!TransientRetryPolicy.IsTransient(response.StatusCode, RetryAfter(response)))
                {
                    return response;
                }
            }
            catch (HttpRequestException e) when (_answered && !cancellationToken.IsCancellationRequested)
            {
                failure = e;
            }

            var wait = RetryAfter(response) is { } asked && asked > pause ? Min(asked, policy.LongestDelay) : pause;
            if (time.GetElapsedTime(started) + wait > policy.Budget)
            {
                return response ?? throw failure!;
            }

            var what = response is not null ? $"answered {(int)response.StatusCode} {response.ReasonPhrase}" : $"did not answer ({failure!.Message})";
            policy.OnRetry?.Invoke($"{request.RequestUri?.GetLeftPart(UriPartial.Authority)} {what}; trying again in {wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
            response?.Dispose();
            await Task.Delay(wait, time, cancellationToken);
            pause = policy.Next(pause);
        }
    }

    private static bool IsRepeatable(HttpRequestMessage request) =>
        request.Content is null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || (request.Options.TryGetValue(Repeatable, out var marked) && marked));

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        _ => null,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
