namespace ModelGrid.Benchmarks.Throughput;

/// <summary>Everything one <c>throughput</c> run measured.</summary>
public sealed record ThroughputBenchReport(
    ThroughputBenchOptions Options,
    HostInfo Machine,
    DateTimeOffset Started,
    TimeSpan Duration,
    double OtherLoadBefore,
    double OtherLoadDuring,
    string RuntimeVersion,
    string Provider,
    int Seed,
    IReadOnlyList<ThroughputCaseResult> Cases)
{
    /// <summary>The goal: the runner reaches at least this share of the bare loop's samples per second (medians).</summary>
    public const double Goal = 0.95;

    public bool ChecksPassed => Cases.All(c => c.InputsMatch && c.GoldenMatched);
}
