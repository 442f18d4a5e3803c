namespace ModelGrid.Evaluation.Language;

/// <summary>What a generation-throughput run measures: every batch size at every thread count, greedy from one prompt.</summary>
public sealed record GenerationSettings
{
    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 8];

    public IReadOnlyList<int> ThreadCounts { get; init; } = [1, 2];

    /// <summary>Tokens generated per row in each measured generation.</summary>
    public int NewTokens { get; init; } = 128;

    /// <summary>Untimed generations before the measured ones, per configuration.</summary>
    public int WarmupGenerations { get; init; } = 1;

    /// <summary>Measured generations per configuration; figures are their medians, percentiles over all their decode steps.</summary>
    public int MeasuredGenerations { get; init; } = 3;

    /// <summary>Tokens of the greedy check: the cached decoding of the prompt must equal the decoding that feeds the whole sequence.</summary>
    public int CheckTokens { get; init; } = 64;
}
