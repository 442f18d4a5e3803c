namespace ModelGrid.Benchmarks.Generation;

/// <summary>Everything one <c>generation</c> run measured.</summary>
public sealed record GenerationBenchReport(
    GenerationBenchOptions Options,
    HostInfo Machine,
    DateTimeOffset Started,
    TimeSpan Duration,
    double OtherLoadBefore,
    double OtherLoadDuring,
    string RuntimeVersion,
    IReadOnlyList<GenerationCaseResult> Cases)
{
    /// <summary>The goal: the grid's decode loop reaches at least this share of the bare loop's tokens per second (medians).</summary>
    public const double Goal = 0.95;

    public bool ChecksPassed => Cases.All(c => c.TokensMatch && c.GridBytesPerToken == 0);
}
