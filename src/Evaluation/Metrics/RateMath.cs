using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>The rate formulas, written once for the point estimates and every bootstrap replicate.</summary>
internal static class RateMath
{
    /// <summary>The number of <see cref="BinaryRate"/> values.</summary>
    public const int RateCount = 8;

    /// <summary>Writes the <see cref="RateCount"/> rates of one set of counts, in <see cref="BinaryRate"/> order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(long tp, long fp, long fn, long tn, ZeroDivisionPolicy policy, Span<double> rates)
    {
        var n = tp + fp + fn + tn;
        if (n == 0)
        {
            // Fairlearn never evaluates an empty group (its MultiIndex row is NaN), so neither policy gives a number.
            rates[..RateCount].Fill(double.NaN);
            return;
        }

        var positives = tp + fn;
        var negatives = fp + tn;
        var undefined = policy == ZeroDivisionPolicy.FairlearnCompat ? 0.0 : double.NaN;
        var tpr = Divide(tp, positives, undefined);
        rates[(int)BinaryRate.SelectionRate] = (double)(tp + fp) / n;
        rates[(int)BinaryRate.TruePositiveRate] = tpr;
        rates[(int)BinaryRate.FalsePositiveRate] = Divide(fp, negatives, undefined);
        rates[(int)BinaryRate.FalseNegativeRate] = Divide(fn, positives, undefined);
        rates[(int)BinaryRate.Accuracy] = (double)(tp + tn) / n;
        rates[(int)BinaryRate.BalancedAccuracy] = BalancedAccuracy(tp, fn, tn, positives, negatives);
        rates[(int)BinaryRate.Precision] = Divide(tp, tp + fp, undefined);
        rates[(int)BinaryRate.F1] = Divide(2 * tp, (2 * tp) + fp + fn, undefined);
    }

    /// <summary>numerator / denominator, or <paramref name="undefined"/> when the denominator is zero.</summary>
    public static double Divide(long numerator, long denominator, double undefined) =>
        denominator == 0 ? undefined : (double)numerator / denominator;

    private static double BalancedAccuracy(long tp, long fn, long tn, long positives, long negatives)
    {
        // sklearn averages the recalls of the classes present in y_true (classes [0, 1] in that order).
        if (positives > 0 && negatives > 0)
        {
            return (((double)tn / negatives) + ((double)tp / positives)) / 2;
        }

        return positives > 0 ? (double)tp / positives : (double)tn / negatives;
    }
}
