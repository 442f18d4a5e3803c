namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Logits to probabilities. The score metrics take probabilities; a model that emits logits goes through these first.
/// </summary>
public static class ProbabilityTransforms
{
    /// <summary>The logistic function 1 / (1 + e^−x), computed without overflow for large |x|.</summary>
    public static double Sigmoid(double logit)
    {
        if (logit >= 0)
        {
            return 1 / (1 + Math.Exp(-logit));
        }

        var e = Math.Exp(logit);
        return e / (1 + e);
    }

    /// <summary>The sigmoid of every logit (binary models with one output).</summary>
    public static void Sigmoid(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        BinaryInput.RequireSameLength(logits.Length, probabilities.Length, nameof(probabilities));
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = Sigmoid(logits[i]);
        }
    }

    /// <summary>
    /// The softmax of each row of a row-major N×K matrix of logits (the row maximum is subtracted first, so large
    /// logits do not overflow).
    /// </summary>
    public static void Softmax(ReadOnlySpan<double> logits, int classCount, Span<double> probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        BinaryInput.RequireSameLength(logits.Length, probabilities.Length, nameof(probabilities));
        if (logits.Length % classCount != 0)
        {
            throw new ArgumentException($"{logits.Length} logits do not make rows of {classCount}.", nameof(logits));
        }

        for (var start = 0; start < logits.Length; start += classCount)
        {
            var row = logits.Slice(start, classCount);
            var output = probabilities.Slice(start, classCount);
            var max = double.NegativeInfinity;
            foreach (var x in row)
            {
                max = Math.Max(max, x);
            }

            var sum = 0.0;
            for (var k = 0; k < classCount; k++)
            {
                output[k] = Math.Exp(row[k] - max);
                sum += output[k];
            }

            for (var k = 0; k < classCount; k++)
            {
                output[k] /= sum;
            }
        }
    }
}
