namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>Count, mean and nearest-rank percentiles of a set of durations in milliseconds.</summary>
public sealed record Distribution(int Count, double Mean, double P50, double P99, double Max)
{
    public static Distribution Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0
            ? Empty
            : new Distribution(sorted.Length, sorted.Average(), Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
