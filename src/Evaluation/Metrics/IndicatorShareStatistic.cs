namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Shares of items for which each of K yes/no outcomes holds, overall and per group, from cells group·2^K + outcome
/// bits (bit k set when outcome k holds). Names: the outcome overall (<c>acc</c>), then <c>group[{group}].{outcome}</c>.
/// </summary>
internal sealed class IndicatorShareStatistic : ICellStatistic
{
    private readonly string[] _names;
    private readonly int _outcomes;
    private readonly int _groups;

    public IndicatorShareStatistic(IReadOnlyList<string> outcomes, IReadOnlyList<string> groups)
    {
        _outcomes = outcomes.Count;
        _groups = Math.Max(groups.Count, 1);
        _names = [.. outcomes, .. groups.SelectMany(g => outcomes.Select(o => ShareBootstrap.GroupName(g, o)))];
    }

    public IReadOnlyList<string> Names => _names;

    public int CellCount => _groups << _outcomes;

    public void Evaluate(ReadOnlySpan<long> cells, Span<double> values)
    {
        var perGroup = _names.Length > _outcomes;
        Span<long> overallYes = stackalloc long[_outcomes];
        Span<long> groupYes = stackalloc long[_outcomes];
        long overall = 0;
        for (var g = 0; g < _groups; g++)
        {
            groupYes.Clear();
            long total = 0;
            for (var bits = 0; bits < 1 << _outcomes; bits++)
            {
                var count = cells[(g << _outcomes) | bits];
                total += count;
                for (var k = 0; k < _outcomes; k++)
                {
                    if ((bits & (1 << k)) != 0)
                    {
                        groupYes[k] += count;
                    }
                }
            }

            overall += total;
            for (var k = 0; k < _outcomes; k++)
            {
                overallYes[k] += groupYes[k];
                if (perGroup)
                {
                    values[_outcomes + (g * _outcomes) + k] = total == 0 ? double.NaN : (double)groupYes[k] / total;
                }
            }
        }

        for (var k = 0; k < _outcomes; k++)
        {
            values[k] = overall == 0 ? double.NaN : (double)overallYes[k] / overall;
        }
    }
}
