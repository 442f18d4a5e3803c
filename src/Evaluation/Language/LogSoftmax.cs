namespace ModelGrid.Evaluation.Language;

/// <summary>Log-softmax of one position's logits, in double and in index order, so the same logits give the same bits.</summary>
internal static class LogSoftmax
{
    /// <summary>log p(<paramref name="target"/>) and the most likely token (the first of equals).</summary>
    public static double At(ReadOnlySpan<float> logits, int target, out int argmax)
    {
        var max = logits[0];
        argmax = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > max)
            {
                max = logits[i];
                argmax = i;
            }
        }

        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            sum += Math.Exp((double)logits[i] - max);
        }

        return (double)logits[target] - max - Math.Log(sum);
    }

    /// <summary>The most likely token of one position (the first of equals).</summary>
    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        var max = logits[0];
        var argmax = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > max)
            {
                max = logits[i];
                argmax = i;
            }
        }

        return argmax;
    }
}
