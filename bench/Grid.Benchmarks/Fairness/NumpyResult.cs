namespace ModelGrid.Benchmarks.Fairness;

/// <summary>What one numpy script printed.</summary>
/// <param name="NumpyVersion">numpy's version.</param>
/// <param name="LoadMs">Loading the scratch file (excluded from the timings).</param>
/// <param name="CountMs">The counting pass of each repetition in the process (multinomial script; empty for the naive one).</param>
/// <param name="BootstrapMs">The bootstrap of each repetition (multinomial script; empty for the naive one).</param>
/// <param name="TotalMs">The whole computation after loading (naive script; for the multinomial one, the last repetition's count + bootstrap).</param>
/// <param name="Cells">The cell counts, group·4 + y·2 + ŷ (multinomial script; null for the naive one).</param>
/// <param name="Estimates">Point estimates by the grid's metric names.</param>
/// <param name="Intervals">Percentile intervals by the grid's metric names.</param>
public sealed record NumpyResult(
    string NumpyVersion,
    double LoadMs,
    IReadOnlyList<double> CountMs,
    IReadOnlyList<double> BootstrapMs,
    double TotalMs,
    IReadOnlyList<long>? Cells,
    IReadOnlyDictionary<string, double> Estimates,
    IReadOnlyDictionary<string, (double Lower, double Upper)> Intervals);
