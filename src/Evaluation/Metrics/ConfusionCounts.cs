namespace ModelGrid.Evaluation.Metrics;

/// <summary>The binary confusion counts of a set of rows (positive class = 1).</summary>
/// <param name="TruePositives">y = 1, ŷ = 1.</param>
/// <param name="FalsePositives">y = 0, ŷ = 1.</param>
/// <param name="FalseNegatives">y = 1, ŷ = 0.</param>
/// <param name="TrueNegatives">y = 0, ŷ = 0.</param>
public readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives)
{
    /// <summary>n, the number of rows.</summary>
    public long Count => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>P = TP + FN, the actual positives.</summary>
    public long Positives => TruePositives + FalseNegatives;

    /// <summary>N = FP + TN, the actual negatives.</summary>
    public long Negatives => FalsePositives + TrueNegatives;

    /// <summary>TP + FP, the rows predicted positive.</summary>
    public long PredictedPositives => TruePositives + FalsePositives;

    /// <summary>Counts binary labels against binary predictions (both 0 or 1).</summary>
    /// <exception cref="ArgumentException">The spans differ in length or hold a value other than 0 or 1.</exception>
    public static ConfusionCounts FromRows(ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions)
    {
        Span<long> cells = stackalloc long[4];
        BinaryInput.CountCells(labels, predictions, cells);
        return FromCells(cells);
    }

    /// <summary>Reads the counts from four cells laid out as y·2 + ŷ: TN, FP, FN, TP.</summary>
    internal static ConfusionCounts FromCells(ReadOnlySpan<long> cells) => new(cells[3], cells[1], cells[2], cells[0]);
}
