namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// A K×K confusion matrix (rows: actual class, columns: predicted class), built in one pass over the rows; the
/// sufficient statistic of multiclass accuracy, balanced accuracy and macro precision/recall/F1.
/// </summary>
public sealed class MulticlassConfusion
{
    private readonly long[] _cells;

    private MulticlassConfusion(int classCount, long[] cells)
    {
        ClassCount = classCount;
        _cells = cells;
    }

    /// <summary>K, the number of classes (labels run from 0 to K − 1).</summary>
    public int ClassCount { get; }

    /// <summary>The number of rows.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var c in _cells)
            {
                total += c;
            }

            return total;
        }
    }

    /// <summary>The rows of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _cells[(actual * ClassCount) + predicted];

    /// <summary>The cells, actual-major: actual·K + predicted.</summary>
    internal ReadOnlySpan<long> Cells => _cells;

    /// <summary>Counts integer labels against integer predictions, both in 0..K − 1.</summary>
    /// <exception cref="ArgumentException">Lengths differ, K &lt; 2, or a value is outside 0..K − 1.</exception>
    public static MulticlassConfusion Count(ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 1 << 15);
        BinaryInput.RequireSameLength(labels.Length, predictions.Length, nameof(predictions));
        var cells = new long[classCount * classCount];
        for (var i = 0; i < labels.Length; i++)
        {
            var y = labels[i];
            var p = predictions[i];
            if ((uint)y >= (uint)classCount || (uint)p >= (uint)classCount)
            {
                throw new ArgumentException($"Row {i}: label {y} and prediction {p} must be in 0..{classCount - 1}.", nameof(labels));
            }

            cells[(y * classCount) + p]++;
        }

        return new MulticlassConfusion(classCount, cells);
    }
}
