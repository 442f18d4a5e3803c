namespace ModelGrid.Benchmarks.Common;

/// <summary>The values of one measurement over all rounds, with their minimum, median and maximum.</summary>
public sealed record Samples(IReadOnlyList<double> Values)
{
    public double Min => Values.Min();

    public double Max => Values.Max();

    public double Median
    {
        get
        {
            var sorted = Values.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
