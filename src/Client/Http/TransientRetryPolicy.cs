namespace ModelGrid.Client.Http;

/// <summary>
/// How a client rides out a hub that is away for a moment (restarting, or its cluster moving a dead silo's work): a
/// request that is safe to repeat is sent again after 502, 503 or 504 or a failed connection, pausing
/// <see cref="FirstDelay"/> and doubling up to <see cref="LongestDelay"/> (or the hub's <c>Retry-After</c>, within
/// that), until <see cref="Budget"/> has passed since the first try.
/// </summary>
/// <param name="Budget">How long to keep trying one request; zero sends it once.</param>
/// <param name="FirstDelay">The first pause.</param>
/// <param name="LongestDelay">The longest pause.</param>
public sealed record TransientRetryPolicy(TimeSpan Budget, TimeSpan FirstDelay, TimeSpan LongestDelay)
{
    /// <summary>Two minutes, pausing 0.5 s up to 5 s: long enough for a silo to restart on a busy host.</summary>
    public static TransientRetryPolicy Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));

    /// <summary>Every request is sent once.</summary>
    public static TransientRetryPolicy None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Told, before each pause, what failed and how long the pause is (the CLI prints it as a note).</summary>
    public Action<string>? OnRetry { get; init; }

    /// <summary>The pause after <paramref name="previous"/>: twice as long, at most <see cref="LongestDelay"/>.</summary>
    /// <param name="previous">The pause before.</param>
    public TimeSpan Next(TimeSpan previous) => previous * 2 < LongestDelay ? previous * 2 : LongestDelay;

    /// <summary>
    /// Whether an answer says the hub is away for a moment: 502 or 504 (from a proxy in front of it), or 503 with
    /// <c>Retry-After</c>. A 503 without it (a damaged record, an artifact nobody can fetch) will not pass by waiting.
    /// </summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="retryAfter">The answer's <c>Retry-After</c>, if any.</param>
    public static bool IsTransient(System.Net.HttpStatusCode status, TimeSpan? retryAfter) =>
        (int)status is 502 or 504 || ((int)status == 503 && retryAfter is not null);
}
