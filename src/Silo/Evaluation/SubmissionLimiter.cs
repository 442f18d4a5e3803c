using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ModelGrid.Silo.Evaluation;

/// <summary>Evaluation submissions per token: a fixed window of one minute each, <see cref="EvaluationOptions.SubmissionsPerMinute"/> permits.</summary>
public sealed class SubmissionLimiter(IOptions<EvaluationOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, FixedWindowRateLimiter> _limiters = new(StringComparer.Ordinal);

    /// <summary>Takes one permit for <paramref name="subject"/>; false when its minute's permits are spent.</summary>
    public bool TryAcquire(string subject)
    {
        var limiter = _limiters.GetOrAdd(subject, _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SubmissionsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
