using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// The confusion counts of every group: the sufficient statistic of every count metric (rates, disparities, AIF360
/// differences), built in one pass over the rows. The bootstrap resamples these cells, not the rows.
/// </summary>
public sealed class GroupedConfusion
{
    /// <summary>Cells per group: y·2 + ŷ (TN, FP, FN, TP).</summary>
    internal const int CellsPerGroup = 4;

    private readonly long[] _cells;

    private GroupedConfusion(GroupIndex groups, long[] cells)
    {
        Groups = groups;
        _cells = cells;
    }

    /// <summary>The groups the counts are split by.</summary>
    public GroupIndex Groups { get; }

    /// <summary>The counts of one group (by index in <see cref="GroupIndex.Groups"/>).</summary>
    public ConfusionCounts this[int group] => ConfusionCounts.FromCells(_cells.AsSpan(group * CellsPerGroup, CellsPerGroup));

    /// <summary>The counts of all rows.</summary>
    public ConfusionCounts Overall
    {
        get
        {
            Span<long> total = stackalloc long[CellsPerGroup];
            for (var i = 0; i < _cells.Length; i++)
            {
                total[i % CellsPerGroup] += _cells[i];
            }

            return ConfusionCounts.FromCells(total);
        }
    }

    /// <summary>The cells, group-major: group·4 + y·2 + ŷ.</summary>
    internal ReadOnlySpan<long> Cells => _cells;

    /// <summary>Counts binary labels and predictions (0 or 1) per group in one pass over the rows.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a label or prediction is not 0 or 1.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GroupedConfusion Count(ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions, GroupIndex groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        BinaryInput.RequireSameLength(groups.RowCount, labels.Length, nameof(labels));
        BinaryInput.RequireSameLength(groups.RowCount, predictions.Length, nameof(predictions));
        var cells = new long[groups.Groups.Count * CellsPerGroup];
        var rowGroups = groups.RowGroups;
        for (var i = 0; i < labels.Length; i++)
        {
            var y = labels[i];
            var p = predictions[i];
            if ((uint)(y | p) > 1u)
            {
                throw BinaryInput.NotBinary(i, y, p);
            }

            cells[(rowGroups[i] << 2) | (y << 1) | p]++;
        }

        return new GroupedConfusion(groups, cells);
    }

    /// <summary>Counts already tallied elsewhere, one <see cref="ConfusionCounts"/> per group of <paramref name="groups"/>.</summary>
    public static GroupedConfusion FromCounts(GroupIndex groups, IReadOnlyList<ConfusionCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(counts);
        BinaryInput.RequireSameLength(groups.Groups.Count, counts.Count, nameof(counts));
        var cells = new long[counts.Count * CellsPerGroup];
        for (var g = 0; g < counts.Count; g++)
        {
            var c = counts[g];
            if (c.TruePositives < 0 || c.FalsePositives < 0 || c.FalseNegatives < 0 || c.TrueNegatives < 0)
            {
                throw new ArgumentException($"Group {g}: counts must not be negative.", nameof(counts));
            }

            cells[(g * CellsPerGroup) + 0] = c.TrueNegatives;
            cells[(g * CellsPerGroup) + 1] = c.FalsePositives;
            cells[(g * CellsPerGroup) + 2] = c.FalseNegatives;
            cells[(g * CellsPerGroup) + 3] = c.TruePositives;
        }

        return new GroupedConfusion(groups, cells);
    }
}
