using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Every fairness figure as one flat vector computed from the per-group cells (group·4 + y·2 + ŷ). Layout, with
/// R = 8 rates and G groups: overall rates [0, R); group g's rates [R + gR, R + (g+1)R); six aggregates per rate
/// (min, max, difference and ratio between groups, difference and ratio to overall); eight named Fairlearn metrics
/// per method; the five AIF360 metrics, on the favourable outcome, when a privileged group is set.
/// </summary>
internal sealed partial class FairnessStatistic : ICellStatistic
{
    private const int R = RateMath.RateCount;
    private const int AggregatesPerRate = 6;
    private const int NamedPerMethod = 8;
    private const int Aif360Count = 5;

    private readonly int _groupCount;
    private readonly ZeroDivisionPolicy _policy;
    private readonly bool[] _inDisparity;
    private readonly int _privileged;
    private readonly bool _privilegedComparable;
    private readonly FavourableOutcome _favourable;
    private readonly string[] _names;

    /// <summary>A statistic for <paramref name="groups"/>; group eligibility is decided on <paramref name="observed"/>.</summary>
    public FairnessStatistic(GroupIndex groups, FairnessOptions options, ReadOnlySpan<long> observed)
    {
        _groupCount = groups.Groups.Count;
        _policy = options.ZeroDivision;
        var minimum = Math.Max(1, options.EffectiveMinimumGroupSize);
        _inDisparity = new bool[_groupCount];
        long total = 0;
        for (var g = 0; g < _groupCount; g++)
        {
            var n = RowsOf(observed, g);
            total += n;
            _inDisparity[g] = n >= minimum;
        }

        _favourable = options.Favourable;
        _privileged = -1;
        if (options.PrivilegedGroup is { } privileged)
        {
            _privileged = groups.Find(privileged);
            if (_privileged < 0)
            {
                throw new ArgumentException($"The privileged group ({string.Join(", ", privileged)}) is not a group of the index.", nameof(options));
            }

            var n = RowsOf(observed, _privileged);
            _privilegedComparable = n >= minimum && total - n >= minimum;
        }

        _names = BuildNames(groups);
    }

    public IReadOnlyList<string> Names => _names;

    public int CellCount => _groupCount * GroupedConfusion.CellsPerGroup;

    public int GroupCount => _groupCount;

    public bool HasPrivileged => _privileged >= 0;

    public int Privileged => _privileged;

    public bool PrivilegedComparable => _privilegedComparable;

    public FavourableOutcome Favourable => _favourable;

    public static int GroupOffset(int group) => R + (group * R);

    public int AggregateOffset(BinaryRate rate) => R + (_groupCount * R) + ((int)rate * AggregatesPerRate);

    public int NamedOffset(DisparityMethod method) => R + (_groupCount * R) + (R * AggregatesPerRate) + ((int)method * NamedPerMethod);

    public int Aif360Offset => NamedOffset(DisparityMethod.BetweenGroups) + (2 * NamedPerMethod);

    public bool InDisparity(int group) => _inDisparity[group];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ReadOnlySpan<long> cells, Span<double> values)
    {
        long tn = 0, fp = 0, fn = 0, tp = 0;
        for (var g = 0; g < _groupCount; g++)
        {
            var c = cells.Slice(g * GroupedConfusion.CellsPerGroup, GroupedConfusion.CellsPerGroup);
            tn += c[0];
            fp += c[1];
            fn += c[2];
            tp += c[3];
            RateMath.Compute(c[3], c[1], c[2], c[0], _policy, values.Slice(GroupOffset(g), R));
        }

        RateMath.Compute(tp, fp, fn, tn, _policy, values[..R]);
        for (var r = 0; r < R; r++)
        {
            Aggregate(values, (BinaryRate)r);
        }

        Name(values, DisparityMethod.BetweenGroups);
        Name(values, DisparityMethod.ToOverall);
        if (_privileged >= 0)
        {
            CompareToPrivileged(cells, values.Slice(Aif360Offset, Aif360Count), tp, fp, fn, tn);
        }
    }

    private static long RowsOf(ReadOnlySpan<long> cells, int group)
    {
        var c = cells.Slice(group * GroupedConfusion.CellsPerGroup, GroupedConfusion.CellsPerGroup);
        return c[0] + c[1] + c[2] + c[3];
    }

    private string[] BuildNames(GroupIndex groups)
    {
        var names = new List<string>();
        for (var r = 0; r < R; r++)
        {
            names.Add(MetricNames.Overall((BinaryRate)r));
        }

        foreach (var group in groups.Groups)
        {
            for (var r = 0; r < R; r++)
            {
                names.Add(MetricNames.Group(group, (BinaryRate)r));
            }
        }

        for (var r = 0; r < R; r++)
        {
            var rate = (BinaryRate)r;
            names.AddRange(
            [
                MetricNames.GroupMin(rate), MetricNames.GroupMax(rate),
                MetricNames.Difference(rate, DisparityMethod.BetweenGroups), MetricNames.Ratio(rate, DisparityMethod.BetweenGroups),
                MetricNames.Difference(rate, DisparityMethod.ToOverall), MetricNames.Ratio(rate, DisparityMethod.ToOverall),
            ]);
        }

        foreach (var method in (ReadOnlySpan<DisparityMethod>)[DisparityMethod.BetweenGroups, DisparityMethod.ToOverall])
        {
            names.AddRange(
            [
                MetricNames.DemographicParityDifference(method), MetricNames.DemographicParityRatio(method),
                MetricNames.EqualizedOddsDifference(method), MetricNames.EqualizedOddsDifference(method, mean: true),
                MetricNames.EqualizedOddsRatio(method), MetricNames.EqualizedOddsRatio(method, mean: true),
                MetricNames.EqualOpportunityDifference(method), MetricNames.EqualOpportunityRatio(method),
            ]);
        }

        if (_privileged >= 0)
        {
            names.AddRange(
            [
                MetricNames.StatisticalParityDifference, MetricNames.DisparateImpact, MetricNames.Aif360EqualOpportunityDifference,
                MetricNames.AverageOddsDifference, MetricNames.AverageAbsoluteOddsDifference,
            ]);
        }

        return [.. names];
    }
}
