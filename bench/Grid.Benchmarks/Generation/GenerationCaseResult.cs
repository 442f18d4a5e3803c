namespace ModelGrid.Benchmarks.Generation;

/// <summary>Everything measured for one case over all rounds.</summary>
/// <param name="Case">The batch and thread count.</param>
/// <param name="Grid">The grid's decode tokens per second (every row's tokens after the first), one per round.</param>
/// <param name="Bare">The bare loop's, one per round.</param>
/// <param name="PairedRatios">Grid ÷ bare within each round.</param>
/// <param name="GridFirstTokenMs">The grid's time to first token, median of each round's generations.</param>
/// <param name="GridBytesPerToken">The most managed bytes per decoded token the grid's loop allocated in a generation.</param>
/// <param name="BareBytesPerToken">The same for the bare loop.</param>
/// <param name="TokensMatch">Whether both sides chose the same tokens in every generation.</param>
public sealed record GenerationCaseResult(
    GenerationCase Case,
    Samples Grid,
    Samples Bare,
    Samples PairedRatios,
    Samples GridFirstTokenMs,
    double GridBytesPerToken,
    double BareBytesPerToken,
    bool TokensMatch)
{
    /// <summary>Grid median ÷ bare median.</summary>
    public double Ratio => Grid.Median / Bare.Median;
}
