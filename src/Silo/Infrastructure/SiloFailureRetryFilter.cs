using Microsoft.Extensions.Options;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Runs a request's handler again when it failed because a silo died (its grains are being placed again) or storage
/// blinked, so the caller never sees that: reads always, writes only when marked <see cref="RepeatableWrite"/>.
/// Pauses start at 100 ms and double up to 2 s, for as long as membership takes to declare a dead silo dead
/// (<see cref="RetryBudget"/>); after that the failure stands and is answered 503 with Retry-After.
/// </summary>
public sealed partial class SiloFailureRetryFilter(IOptions<GridClusterOptions> cluster, TimeProvider time, ILogger<SiloFailureRetryFilter> logger) : IEndpointFilter
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long retries go on: the probes that declare a silo dead (one more than the missed limit, each up to the
    /// probe timeout) plus a table refresh for the silos that missed the gossip.
    /// </summary>
    public static TimeSpan RetryBudget(GridClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.ProbeTimeout * (options.MissedProbesLimit + 1)) + options.TableRefreshTimeout;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!IsRepeatable(context))
        {
            return await next(context);
        }

        var started = time.GetTimestamp();
        var budget = RetryBudget(cluster.Value);
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (Exception e) when (SiloFailures.IsTransient(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested
                && time.GetElapsedTime(started) + pause < budget)
            {
                LogRetrying(logger, http.Request.Method, http.Request.Path, attempt, e.GetType().Name);
                await Task.Delay(pause, time, http.RequestAborted);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
    }

    private static bool IsRepeatable(EndpointFilterInvocationContext context)
    {
        var method = context.HttpContext.Request.Method;
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RepeatableWrite>() is { } write && write.Applies(context);
    }

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "{Method} {Path} attempt {Attempt} failed with {Failure} while the cluster changes; trying again")]
    private static partial void LogRetrying(ILogger logger, string method, PathString path, int attempt, string failure);
}
