namespace ModelGrid.Evaluation.Metrics;

/// <summary>How the replicates of a bootstrap were drawn.</summary>
public enum BootstrapResampling
{
    /// <summary>
    /// Count metrics: the cell counts (for example group × y × ŷ) drawn from Multinomial(N, observed frequencies), by
    /// conditional binomials with an exact sampler: the distribution of the counts of N rows resampled with replacement.
    /// </summary>
    CellMultinomial = 0,

    /// <summary>Score metrics: N row indices drawn uniformly with replacement, each row weighted by its draw count.</summary>
    RowIndex = 1,
}
