namespace ModelGrid.Benchmarks.Simulation;

/// <summary>Everything one <c>dispatch-simulation</c> run measured, for the markdown report.</summary>
/// <param name="Options">What was asked.</param>
/// <param name="Machine">The machine and .NET versions.</param>
/// <param name="Versions">The Orleans version.</param>
/// <param name="Started">When the run started.</param>
/// <param name="Duration">How long the whole run took.</param>
/// <param name="StartSeconds">How long starting the silos took.</param>
/// <param name="OtherLoadBefore">CPU share of all cores other work took in the 3 s before the run.</param>
/// <param name="OtherLoadDuring">CPU share of all cores other work took during the run.</param>
/// <param name="LoadAverage">The one-minute load average at the start and the end.</param>
/// <param name="Results">The measured cells, in the order they ran (the warm-up excluded).</param>
public sealed record SimulationReport(
    SimulationOptions Options,
    HostInfo Machine,
    string Versions,
    DateTimeOffset Started,
    TimeSpan Duration,
    double StartSeconds,
    double OtherLoadBefore,
    double OtherLoadDuring,
    string LoadAverage,
    IReadOnlyList<SimulationCellResult> Results)
{
    public bool ChecksPassed => Results.All(r => r.Checked);
}
