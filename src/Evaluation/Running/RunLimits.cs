using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>The limits one run is held to: what the suite declares (or its kind's default), lowered to the host's caps.</summary>
/// <param name="WallClock">How long the run may take.</param>
/// <param name="MemoryBytes">How much the process's memory may grow while it runs.</param>
public sealed record RunLimits(TimeSpan WallClock, long MemoryBytes)
{
    /// <summary>The limits of <paramref name="spec"/> under <paramref name="settings"/>' caps.</summary>
    /// <param name="spec">The suite's spec.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="kinds">The suite kinds, whose defaults apply where the suite declares no limit; <see cref="SuiteKinds.Default"/> when null.</param>
    public static RunLimits For(SuiteSpec spec, RunSettings settings, SuiteKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var kind = (kinds ?? SuiteKinds.Default).Get(spec.Kind);
        var wallClock = spec.Limits?.WallClock ?? kind.DefaultWallClock;
        var memory = spec.Limits?.MemoryBytes ?? kind.DefaultMemoryBytes;
        if (settings.MaxWallClock is { } maxWallClock && maxWallClock < wallClock)
        {
            wallClock = maxWallClock;
        }

        if (settings.MaxMemoryBytes is { } maxMemory && maxMemory < memory)
        {
            memory = maxMemory;
        }

        return new RunLimits(wallClock, memory);
    }

    /// <summary>For the log: <c>wall clock 30 min, memory 4 GiB</c>.</summary>
    public override string ToString() => $"wall clock {Quantities.Duration(WallClock)}, memory {Quantities.Bytes(MemoryBytes)}";
}
