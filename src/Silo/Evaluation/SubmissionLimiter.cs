using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ModelGrid.Silo.Evaluation;

/// <summary>
/// Evaluation submissions per token: a fixed window of one minute from the token's first submission in it,
/// <see cref="EvaluationOptions.SubmissionsPerMinute"/> permits. The counts live in this process's memory: they
/// reset when the silo restarts, and each API silo counts on its own.
/// </summary>
public sealed class SubmissionLimiter(IOptions<EvaluationOptions> options, TimeProvider time)
{
    /// <summary>The length of a window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int PruneAbove = 4_096;
    private readonly ConcurrentDictionary<string, Counter> _windows = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes one permit for <paramref name="subject"/>; false when its window's permits are spent, with how long
    /// until the window ends in <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquire(string subject, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            foreach (var (key, stale) in _windows.Where(w => w.Value.EndsBy(now)).ToList())
            {
                _windows.TryRemove(new KeyValuePair<string, Counter>(key, stale));
            }
        }

        var counter = _windows.GetOrAdd(subject, _ => new Counter());
        lock (counter)
        {
            if (counter.Count == 0 || counter.EndsBy(now))
            {
                counter.Start = now;
                counter.Count = 0;
            }

            if (counter.Count < options.Value.SubmissionsPerMinute)
            {
                counter.Count++;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = counter.Start + Window - now;
            return false;
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset Start;
        public int Count;

        public bool EndsBy(DateTimeOffset now) => now >= Start + Window;
    }
}
