using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// The difference B − A of a statistic between two versions scored on the same rows. Each paired cell (for example
/// group × y × ŷ_A × ŷ_B) adds its count to one cell of version A's table and one of version B's, so one multinomial
/// draw of the paired cells resamples both versions on the same rows.
/// </summary>
internal sealed class PairedCellStatistic : ICellStatistic
{
    private readonly ICellStatistic _inner;
    private readonly int[] _toA;
    private readonly int[] _toB;
    private readonly long[] _cellsA;
    private readonly long[] _cellsB;
    private readonly double[] _valuesA;
    private readonly double[] _valuesB;

    /// <param name="inner">The per-version statistic.</param>
    /// <param name="toA">For each paired cell, its cell in version A's table.</param>
    /// <param name="toB">For each paired cell, its cell in version B's table.</param>
    public PairedCellStatistic(ICellStatistic inner, int[] toA, int[] toB)
    {
        _inner = inner;
        _toA = toA;
        _toB = toB;
        _cellsA = new long[inner.CellCount];
        _cellsB = new long[inner.CellCount];
        _valuesA = new double[inner.Names.Count];
        _valuesB = new double[inner.Names.Count];
    }

    public IReadOnlyList<string> Names => _inner.Names;

    public int CellCount => _toA.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ReadOnlySpan<long> cells, Span<double> values)
    {
        Array.Clear(_cellsA);
        Array.Clear(_cellsB);
        for (var c = 0; c < cells.Length; c++)
        {
            _cellsA[_toA[c]] += cells[c];
            _cellsB[_toB[c]] += cells[c];
        }

        _inner.Evaluate(_cellsA, _valuesA);
        _inner.Evaluate(_cellsB, _valuesB);
        for (var m = 0; m < _valuesA.Length; m++)
        {
            values[m] = _valuesB[m] - _valuesA[m];
        }
    }
}
