namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// A vector of metrics computed from cell counts alone. The point estimate and every multinomial bootstrap
/// replicate go through the same <see cref="Evaluate"/>, so a report and its intervals can never disagree on a
/// definition.
/// </summary>
internal interface ICellStatistic
{
    /// <summary>The name of each metric, in output order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The number of cells expected by <see cref="Evaluate"/>.</summary>
    int CellCount { get; }

    /// <summary>Writes every metric (NaN where undefined) for one table of cell counts; allocates nothing.</summary>
    void Evaluate(ReadOnlySpan<long> cells, Span<double> values);
}
