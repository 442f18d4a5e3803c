using System.Net.Sockets;
using Orleans.Runtime.Messaging;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Failures that say where a grain lived, not what it answered: a silo died or left and its grains are being placed
/// again (Orleans rejects calls to them until membership declares the silo dead), the storage behind the grains
/// cannot be reached for a while, or a grain waiting on either did not answer in time. The same call succeeds once
/// that passes.
/// </summary>
public static class SiloFailures
{
    /// <summary>Whether <paramref name="exception"/> (or what it wraps) is a silo leaving or dying.</summary>
    public static bool IsClusterChange(Exception? exception) => Any(exception, static e => e is
        OrleansMessageRejectionException or SiloUnavailableException or ConnectionFailedException or GatewayTooBusyException);

    /// <summary>Whether <paramref name="exception"/> (or what it wraps) is storage that cannot be reached: refused or dropped connections, or 5xx answers.</summary>
    public static bool IsStorageOutage(Exception? exception) => Any(exception, static e => e switch
    {
        Azure.RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or SocketException => true,
        _ => false,
    });

    /// <summary>
    /// Whether <paramref name="exception"/> (or what it wraps) is a grain call that got no answer within Orleans'
    /// response timeout: the grain was busy with a call that waited on storage away or a silo gone, and the grain is
    /// still there to answer later.
    /// </summary>
    public static bool IsCallTimeout(Exception? exception)
    {
        // A cancelled request that timed out on this side (HttpClient wraps its TimeoutException so) is not a grain's.
        for (var depth = 0; exception is not null && depth < 8; depth++, exception = exception.InnerException)
        {
            switch (exception)
            {
                case OperationCanceledException:
                    return false;
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsCallTimeout):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Any of these kinds: the request may succeed when repeated a little later.</summary>
    public static bool IsTransient(Exception? exception) => IsClusterChange(exception) || IsStorageOutage(exception) || IsCallTimeout(exception);

    private static bool Any(Exception? exception, Func<Exception, bool> test)
    {
        for (var depth = 0; exception is not null && depth < 8; depth++)
        {
            if (test(exception))
            {
                return true;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => Any(inner, test)))
            {
                return true;
            }

            exception = exception.InnerException;
        }

        return false;
    }
}
