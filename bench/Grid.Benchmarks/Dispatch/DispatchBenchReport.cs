namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>Everything one <c>dispatch</c> run measured, for the markdown report.</summary>
/// <param name="Options">What was asked.</param>
/// <param name="Machine">The machine and .NET versions.</param>
/// <param name="Versions">Orleans, Node and Azurite versions.</param>
/// <param name="Started">When the run started.</param>
/// <param name="Duration">How long the whole run took.</param>
/// <param name="OtherLoadBefore">CPU share of all cores other work took in the 3 s before the run.</param>
/// <param name="OtherLoadDuring">CPU share of all cores other work took during the run.</param>
/// <param name="Results">The measured cells, in the order they ran (warm-ups excluded).</param>
public sealed record DispatchBenchReport(
    DispatchBenchOptions Options,
    HostInfo Machine,
    string Versions,
    DateTimeOffset Started,
    TimeSpan Duration,
    double OtherLoadBefore,
    double OtherLoadDuring,
    IReadOnlyList<DispatchCellResult> Results)
{
    /// <summary>10,000 jobs per minute.</summary>
    public const double JobsPerMinuteGoal = 10_000;

    /// <summary>Lease-to-start median on the embedded store, ms.</summary>
    public const double LeaseToStartGoalMs = 5;

    public IEnumerable<DispatchCellResult> On(DispatchStore store) => Results.Where(r => r.Cell.Store == store);

    public bool ChecksPassed => Results.All(r => r.Checked);
}
