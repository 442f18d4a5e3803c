using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// numpy.quantile's default method ("linear", type 7): h = (n − 1)·q, interpolated between the order statistics
/// ⌊h⌋ and ⌊h⌋ + 1. The order statistics are found by selection (quickselect), not a full sort; for the tails of a
/// bootstrap interval, by keeping the few smallest and largest values in one pass. The result depends only on the
/// values of the two order statistics, so both ways give the same bits.
/// </summary>
internal static class Percentile
{
    /// <summary>The <paramref name="q"/>-quantile of <paramref name="values"/> (NaN when empty); reorders the values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Of(Span<double> values, double q)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var h = (values.Length - 1) * q;
        var below = (int)Math.Floor(h);
        var t = h - below;
        var a = Select(values, below);

        // After selection everything right of 'below' is at least a: the next order statistic is their minimum.
        var b = a;
        if (below + 1 < values.Length)
        {
            b = values[below + 1];
            foreach (var value in values[(below + 1)..])
            {
                b = Math.Min(b, value);
            }
        }

        return Interpolate(a, b, t);
    }

    /// <summary>
    /// The <paramref name="lowerQ"/>- and <paramref name="upperQ"/>-quantiles of the values that are not NaN (NaN when
    /// none is), and how many there are; leaves <paramref name="values"/> as it is. <paramref name="scratch"/> must be
    /// at least as long as <paramref name="values"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Lower, double Upper, int Valid) Interval(ReadOnlySpan<double> values, double lowerQ, double upperQ, Span<double> scratch)
    {
        var n = 0;
        foreach (var value in values)
        {
            n += double.IsNaN(value) ? 0 : 1;
        }

        if (n == 0)
        {
            return (double.NaN, double.NaN, 0);
        }

        var hLower = (n - 1) * lowerQ;
        var hUpper = (n - 1) * upperQ;
        var belowLower = (int)Math.Floor(hLower);
        var belowUpper = (int)Math.Floor(hUpper);

        // The order statistics needed from each end: ranks below and below + 1 (when it exists).
        var smallest = Math.Min(belowLower + 2, n);
        var largest = n - belowUpper;
        if (smallest + largest > TailLimit || smallest + largest > n)
        {
            var defined = scratch[..n];
            var k = 0;
            foreach (var value in values)
            {
                if (!double.IsNaN(value))
                {
                    defined[k++] = value;
                }
            }

            return (Of(defined, lowerQ), Of(defined, upperQ), n);
        }

        var low = scratch[..smallest];
        var high = scratch.Slice(smallest, largest);
        Smallest(values, low, negate: false);
        Smallest(values, high, negate: true);
        var a = low[belowLower];
        var b = belowLower + 1 < n ? low[belowLower + 1] : a;
        var lower = Interpolate(a, b, hLower - belowLower);

        // high holds the negated largest values, so high[j] = −(the j-th largest) = −(order statistic n − 1 − j).
        a = -high[n - 1 - belowUpper];
        b = belowUpper + 1 < n ? -high[n - 2 - belowUpper] : a;
        var upper = Interpolate(a, b, hUpper - belowUpper);
        return (lower, upper, n);
    }

    /// <summary>At most this many order statistics are kept by <see cref="Interval"/>; wider tails use selection.</summary>
    private const int TailLimit = 128;

    private static double Interpolate(double a, double b, double t)
    {
        var step = b - a;

        // numpy's _lerp: from the nearer end, so that t = 1 gives b exactly.
        return t >= 0.5 ? b - (step * (1 - t)) : a + (step * t);
    }

    /// <summary>
    /// The best.Length smallest values (of −value with <paramref name="negate"/>, NaN skipped), in ascending order, by
    /// insertion into a sorted buffer: after the first few, most values fail the one comparison with the largest kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Smallest(ReadOnlySpan<double> values, Span<double> best, bool negate)
    {
        var kept = 0;
        var last = best.Length - 1;
        foreach (var raw in values)
        {
            var value = negate ? -raw : raw;
            if (double.IsNaN(value) || (kept > last && !(value < best[last])))
            {
                continue;
            }

            var i = kept > last ? last : kept++;
            while (i > 0 && value < best[i - 1])
            {
                best[i] = best[i - 1];
                i--;
            }

            best[i] = value;
        }
    }

    /// <summary>
    /// Moves the k-th smallest value to index k, smaller or equal values before it and larger or equal ones after it
    /// (Hoare partitioning with a median-of-three pivot; equal values split evenly, so ties cost nothing extra).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }

            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }

            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }

            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }

        return a[k];
    }
}
