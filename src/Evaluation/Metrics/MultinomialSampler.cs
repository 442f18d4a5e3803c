using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Draws cell counts from Multinomial(N, observed cell frequencies): exactly the distribution of the cell counts of
/// N rows resampled with replacement, at the cost of one binomial per non-empty cell instead of N row draws. The
/// draw is a chain of conditional binomials, cell i getting Binomial(rows left, count_i / count of the cells left),
/// with the ratio formed from the integer counts; the last non-empty cell takes the remainder, so every draw sums
/// to N exactly and empty cells stay empty.
/// </summary>
internal sealed class MultinomialSampler
{
    private readonly int[] _cells;
    private readonly long[] _counts;
    private readonly long[] _remaining;

    public MultinomialSampler(ReadOnlySpan<long> counts)
    {
        var cells = new List<int>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException("Cell counts must not be negative.", nameof(counts));
            }

            if (counts[i] > 0)
            {
                cells.Add(i);
            }
        }

        _cells = [.. cells];
        _counts = new long[_cells.Length];
        _remaining = new long[_cells.Length];
        long total = 0;
        for (var j = _cells.Length - 1; j >= 0; j--)
        {
            _counts[j] = counts[_cells[j]];
            total += _counts[j];
            _remaining[j] = total;
        }

        CellCount = counts.Length;
        Total = total;
    }

    /// <summary>The number of cells (empty ones included).</summary>
    public int CellCount { get; }

    /// <summary>N, the number of rows behind the counts.</summary>
    public long Total { get; }

    /// <summary>Writes one multinomial draw into <paramref name="destination"/> (length <see cref="CellCount"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sample(ref Xoshiro256StarStar random, Span<long> destination)
    {
        destination.Clear();
        var rowsLeft = Total;
        var last = _cells.Length - 1;
        for (var j = 0; j < last && rowsLeft > 0; j++)
        {
            var draw = BinomialSampler.Sample(ref random, rowsLeft, (double)_counts[j] / _remaining[j]);
            destination[_cells[j]] = draw;
            rowsLeft -= draw;
        }

        if (last >= 0)
        {
            destination[_cells[last]] = rowsLeft;
        }
    }
}
