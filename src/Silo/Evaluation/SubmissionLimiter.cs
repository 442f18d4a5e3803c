using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ModelGrid.Silo.Evaluation;

/// <summary>
/// Evaluation submissions per token: ASP.NET Core's partitioned rate limiter, one fixed one-minute window of
/// <see cref="EvaluationOptions.SubmissionsPerMinute"/> permits per token, starting at the token's first submission.
/// The partitioned limiter replenishes every window from one timer and drops a token's window once it has been full
/// and unused for a while, so tokens that stop submitting leave nothing behind. The counts live in this process's
/// memory: they reset when the silo restarts, and each API silo counts on its own.
/// </summary>
public sealed class SubmissionLimiter : IDisposable
{
    /// <summary>The length of a window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter;

    /// <summary>Creates the limiter with the configured permits per window.</summary>
    /// <param name="options">The evaluation options.</param>
    public SubmissionLimiter(IOptions<EvaluationOptions> options)
    {
        var permits = options.Value.SubmissionsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(
            subject => RateLimitPartition.GetFixedWindowLimiter(subject, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                QueueLimit = 0,
            }),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Takes one permit for <paramref name="subject"/>; false when its window's permits are spent, with how long to wait
    /// in <paramref name="retryAfter"/>: the window's length, since the limiter does not say how much of it is left, and
    /// after it the window has surely been renewed.
    /// </summary>
    public bool TryAcquire(string subject, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(subject);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
