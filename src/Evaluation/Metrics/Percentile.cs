namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// numpy.quantile's default method ("linear", type 7): h = (n − 1)·q, interpolated between the order statistics
/// ⌊h⌋ and ⌊h⌋ + 1. The order statistics are found by selection (quickselect), not a full sort.
/// </summary>
internal static class Percentile
{
    /// <summary>The <paramref name="q"/>-quantile of <paramref name="values"/> (NaN when empty); reorders the values.</summary>
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

        var step = b - a;

        // numpy's _lerp: from the nearer end, so that t = 1 gives b exactly.
        return t >= 0.5 ? b - (step * (1 - t)) : a + (step * t);
    }

    /// <summary>
    /// Moves the k-th smallest value to index k, smaller or equal values before it and larger or equal ones after it
    /// (Hoare partitioning with a median-of-three pivot; equal values split evenly, so ties cost nothing extra).
    /// </summary>
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
