namespace ModelGrid.Benchmarks.Throughput;

/// <summary>Everything measured for one case over all rounds.</summary>
/// <param name="Case">The model and thread count.</param>
/// <param name="Calls">Timed calls per round, the same for both sides.</param>
/// <param name="InputShape">The model input's shape, e.g. <c>[1,1,28,28]</c>.</param>
/// <param name="InputsMatch">Whether the bare loop's input equals the runner's generated one bit for bit.</param>
/// <param name="Grid">The runner's samples per second, one per round.</param>
/// <param name="Bare">The bare loop's samples per second, one per round.</param>
/// <param name="PairedRatios">Grid ÷ bare within each round.</param>
/// <param name="GridP50Ms">The runner's median call latency, one per round.</param>
/// <param name="UnstableRounds">Rounds in which the runner's warm-up hit its cap without settling.</param>
/// <param name="WarmupWindows">The runner's warm-up windows, one per round.</param>
/// <param name="GoldenMatched">Whether the runner's golden check passed in every round.</param>
/// <param name="GridTimedAllocatedBytes">The most managed bytes the runner allocated during one round's timed calls.</param>
/// <param name="BareTimedAllocatedBytes">The same for the bare loop.</param>
public sealed record ThroughputCaseResult(
    ThroughputCase Case,
    int Calls,
    string InputShape,
    bool InputsMatch,
    Samples Grid,
    Samples Bare,
    Samples PairedRatios,
    Samples GridP50Ms,
    int UnstableRounds,
    IReadOnlyList<int> WarmupWindows,
    bool GoldenMatched,
    long GridTimedAllocatedBytes,
    long BareTimedAllocatedBytes)
{
    /// <summary>Grid median ÷ bare median.</summary>
    public double Ratio => Grid.Median / Bare.Median;
}
