namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// The system clock moved forward by an offset the corpus controls, so a token can expire without waiting. Timers
/// stay the system's: the worker's idle delays and lease renewals run as in production.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward; it never goes back, as the folder store's ETags require.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
