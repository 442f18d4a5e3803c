namespace ModelGrid.Evaluation.Metrics;

/// <summary>The <see cref="BinaryRate"/> values of all rows from the four cells y·2 + ŷ, named <c>overall.{rate}</c>.</summary>
internal sealed class BinaryRatesStatistic(ZeroDivisionPolicy policy) : ICellStatistic
{
    private static readonly string[] RateNames = [.. Enum.GetValues<BinaryRate>().Select(MetricNames.Overall)];

    public IReadOnlyList<string> Names => RateNames;

    public int CellCount => GroupedConfusion.CellsPerGroup;

    public void Evaluate(ReadOnlySpan<long> cells, Span<double> values) =>
        RateMath.Compute(cells[3], cells[1], cells[2], cells[0], policy, values);
}
