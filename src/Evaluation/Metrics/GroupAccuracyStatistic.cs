namespace ModelGrid.Evaluation.Metrics;

/// <summary>Accuracy overall and per group from cells group·2 + correct (the inner statistic of paired multiclass accuracy).</summary>
internal sealed class GroupAccuracyStatistic : ICellStatistic
{
    private readonly string[] _names;
    private readonly int _groupCount;

    public GroupAccuracyStatistic(GroupIndex? groups)
    {
        _groupCount = groups?.Groups.Count ?? 1;
        _names = groups is null
            ? [MetricNames.Accuracy]
            : [MetricNames.Accuracy, .. groups.Groups.Select(MetricNames.GroupAccuracy)];
    }

    public IReadOnlyList<string> Names => _names;

    public int CellCount => _groupCount * 2;

    public void Evaluate(ReadOnlySpan<long> cells, Span<double> values)
    {
        long total = 0, correct = 0;
        for (var g = 0; g < _groupCount; g++)
        {
            long wrong = cells[2 * g], right = cells[(2 * g) + 1];
            total += wrong + right;
            correct += right;
            if (_names.Length > 1)
            {
                values[1 + g] = wrong + right == 0 ? double.NaN : (double)right / (wrong + right);
            }
        }

        values[0] = total == 0 ? double.NaN : (double)correct / total;
    }
}
