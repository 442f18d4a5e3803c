namespace ModelGrid.Benchmarks.Cluster;

/// <summary>Everything one <c>cluster-dispatch</c> run measured, for the markdown report.</summary>
/// <param name="Options">What was asked.</param>
/// <param name="Machine">The machine and .NET versions.</param>
/// <param name="Versions">Orleans, Node and Azurite versions.</param>
/// <param name="Started">When the run started.</param>
/// <param name="Duration">How long the whole run took.</param>
/// <param name="OtherLoadBefore">CPU share of all cores other work took in the 3 s before the run.</param>
/// <param name="OtherLoadDuring">CPU share of all cores other work took during the run.</param>
/// <param name="LoadAverage">The one-minute load average at the start and the end.</param>
/// <param name="Results">The measured cells, in the order they ran (the warm-up excluded).</param>
public sealed record ClusterDispatchReport(
    ClusterDispatchOptions Options,
    HostInfo Machine,
    string Versions,
    DateTimeOffset Started,
    TimeSpan Duration,
    double OtherLoadBefore,
    double OtherLoadDuring,
    string LoadAverage,
    IReadOnlyList<ClusterCellResult> Results)
{
    /// <summary>No-op jobs per minute.</summary>
    public const double NoOpGoal = 10_000;

    /// <summary>Two busy workers against one.</summary>
    public const double ScalingGoal = 1.8;

    /// <summary>Lease-to-start median, ms.</summary>
    public const double LeaseToStartGoalMs = 5;

    public bool ChecksPassed => Results.All(r => r.Checked);

    public IEnumerable<ClusterCellResult> Of(ClusterSuite suite, int workers) => Results.Where(r => r.Cell.Suite == suite && r.Cell.Workers == workers);

    public double MedianJobsPerMinute(ClusterSuite suite, int workers) => new Samples([.. Of(suite, workers).Select(r => r.JobsPerMinute)]).Median;

    /// <summary>Per round, two workers' jobs/min over one's, for <paramref name="suite"/>.</summary>
    public Samples Ratios(ClusterSuite suite) => new([.. Results.Where(r => r.Cell.Suite == suite).GroupBy(r => r.Cell.Round)
        .Where(g => g.Any(r => r.Cell.Workers == 1) && g.Any(r => r.Cell.Workers == 2))
        .Select(g => g.First(r => r.Cell.Workers == 2).JobsPerMinute / g.First(r => r.Cell.Workers == 1).JobsPerMinute)]);
}
