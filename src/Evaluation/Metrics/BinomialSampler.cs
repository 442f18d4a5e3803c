using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Exact binomial variates: sequential inversion when n·min(p, 1 − p) &lt; 10, otherwise BTRS, Hörmann's transformed
/// rejection with squeeze ("The generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993). BTRS
/// accepts with the exact log-ratio of binomial probabilities, written with Stirling-series tails (the same
/// formulation as PyTorch's sampler); it is exact up to floating-point rounding.
/// </summary>
internal static class BinomialSampler
{
    private const int InversionLimit = 10;

    /// <summary>log(k!) − [(k + ½)·log(k + 1) − (k + 1) + ½·log(2π)] for k = 0..9; the series is used above.</summary>
    private static ReadOnlySpan<double> StirlingTails =>
    [
        0.0810614667953272,
        0.0413406959554092,
        0.0276779256849983,
        0.02079067210376509,
        0.0166446911898211,
        0.0138761288230707,
        0.0118967099458917,
        0.0104112652619720,
        0.00925546218271273,
        0.00833056343336287,
    ];

    /// <summary>A draw from Binomial(<paramref name="n"/>, <paramref name="p"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Sample(ref Xoshiro256StarStar random, long n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        if (p > 0.5)
        {
            return n - Sample(ref random, n, 1 - p);
        }

        return n * p < InversionLimit ? Inversion(ref random, n, p) : Btrs(ref random, n, p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Inversion(ref Xoshiro256StarStar random, long n, double p)
    {
        var q = 1 - p;
        var s = p / q;
        var a = (n + 1) * s;
        var first = Math.Pow(q, n);
        while (true)
        {
            var r = first;
            var u = random.NextOpenDouble();
            long k = 0;
            while (u > r)
            {
                u -= r;
                k++;
                if (k > n)
                {
                    break;
                }

                r *= (a / k) - s;
            }

            // k > n only when rounding left probability mass beyond n: draw again.
            if (k <= n)
            {
                return k;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Btrs(ref Xoshiro256StarStar random, long n, double p)
    {
        var q = 1 - p;
        var spq = Math.Sqrt(n * p * q);
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var vr = 0.92 - (4.2 / b);
        var r = p / q;
        var alpha = (2.83 + (5.1 / b)) * spq;
        var m = Math.Floor((n + 1) * p);
        while (true)
        {
            var u = random.NextOpenDouble() - 0.5;
            var v = random.NextOpenDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + c);
            if (k < 0 || k > n)
            {
                continue;
            }

            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            v = Math.Log(v * alpha / ((a / (us * us)) + b));
            var bound = ((m + 0.5) * Math.Log((m + 1) / (r * (n - m + 1))))
                + ((n + 1) * Math.Log((n - m + 1) / (n - k + 1)))
                + ((k + 0.5) * Math.Log(r * (n - k + 1) / (k + 1)))
                + StirlingTail(m) + StirlingTail(n - m) - StirlingTail(k) - StirlingTail(n - k);
            if (v <= bound)
            {
                return (long)k;
            }
        }
    }

    private static double StirlingTail(double k)
    {
        if (k <= 9)
        {
            return StirlingTails[(int)k];
        }

        var square = (k + 1) * (k + 1);
        return ((1.0 / 12) - (((1.0 / 360) - (1.0 / 1260 / square)) / square)) / (k + 1);
    }
}
