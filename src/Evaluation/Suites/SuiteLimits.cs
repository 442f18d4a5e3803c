namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// The <c>limits</c> a suite declares: how long one run may take and how much memory it may add to the process.
/// Either may be left out for the kind's default (<see cref="Kinds.ISuiteKind.DefaultWallClock"/>,
/// <see cref="Kinds.ISuiteKind.DefaultMemoryBytes"/>); a worker may lower both (<c>Grid:Worker:MaxJobDuration</c>,
/// <c>Grid:Worker:MaxJobMemoryBytes</c>).
/// </summary>
/// <param name="WallClock">The wall-clock limit of one run, or null for the kind's default.</param>
/// <param name="MemoryBytes">The memory ceiling of one run in bytes, or null for the kind's default.</param>
public sealed record SuiteLimits(TimeSpan? WallClock, long? MemoryBytes)
{
    /// <summary>The smallest wall-clock limit a suite may declare.</summary>
    public static readonly TimeSpan MinWallClock = TimeSpan.FromSeconds(1);

    /// <summary>The largest wall-clock limit a suite may declare.</summary>
    public static readonly TimeSpan MaxWallClock = TimeSpan.FromHours(24);

    /// <summary>The smallest memory ceiling a suite may declare.</summary>
    public const long MinMemoryBytes = 1L << 20;

    /// <summary>The largest memory ceiling a suite may declare.</summary>
    public const long MaxMemoryBytes = 1L << 40;
}
