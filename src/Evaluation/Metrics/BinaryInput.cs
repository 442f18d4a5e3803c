namespace ModelGrid.Evaluation.Metrics;

/// <summary>Validation and counting of per-row binary inputs.</summary>
internal static class BinaryInput
{
    /// <summary>
    /// One pass over the rows: cells[y·2 + ŷ] += 1. Checks the values as it goes (0 or 1 only).
    /// </summary>
    public static void CountCells(ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions, Span<long> cells)
    {
        RequireSameLength(labels.Length, predictions.Length, nameof(predictions));
        for (var i = 0; i < labels.Length; i++)
        {
            var y = labels[i];
            var p = predictions[i];
            if ((uint)(y | p) > 1u)
            {
                throw NotBinary(i, y, p);
            }

            cells[(y << 1) | p]++;
        }
    }

    public static void RequireSameLength(int expected, int actual, string parameter)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"Expected {expected} rows, got {actual}.", parameter);
        }
    }

    public static void RequireLabels(ReadOnlySpan<int> labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] > 1u)
            {
                throw new ArgumentException($"Row {i}: label {labels[i]} is not 0 or 1.", nameof(labels));
            }
        }
    }

    public static void RequireProbabilities(ReadOnlySpan<double> scores, string parameter)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1))
            {
                throw new ArgumentException($"Row {i}: {scores[i]} is not a probability in [0, 1].", parameter);
            }
        }
    }

    public static ArgumentException NotBinary(int row, int label, int prediction) =>
        new($"Row {row}: label {label} and prediction {prediction} must each be 0 or 1.");
}
