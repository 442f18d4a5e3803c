using System.Diagnostics;

namespace ModelGrid.Evaluation.Runtime;

internal static class Latencies
{
    /// <summary>The nearest-rank percentile of sorted timestamp differences, in milliseconds.</summary>
    public static double PercentileMs(ReadOnlySpan<long> sortedTicks, double quantile)
    {
        if (sortedTicks.IsEmpty)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(quantile * sortedTicks.Length);
        var index = Math.Clamp(rank - 1, 0, sortedTicks.Length - 1);
        return sortedTicks[index] * 1000.0 / Stopwatch.Frequency;
    }
}
