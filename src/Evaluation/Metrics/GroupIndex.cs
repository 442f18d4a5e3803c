namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// The group of every row, from one or more sensitive features. With several features the groups are the
/// Cartesian product of their levels, first feature slowest (as Fairlearn's <c>MultiIndex.from_product</c>):
/// combinations without rows stay in the table with a count of 0 and undefined rates, and are never evaluated.
/// Build it once per evaluation set and reuse it for every model version scored on those rows.
/// </summary>
public sealed class GroupIndex
{
    /// <summary>The largest number of groups (the product of the features' level counts) accepted.</summary>
    public const int MaxGroups = 1 << 16;

    private readonly int[] _rowGroups;

    private GroupIndex(IReadOnlyList<string> featureNames, IReadOnlyList<GroupKey> groups, int[] rowGroups)
    {
        FeatureNames = featureNames;
        Groups = groups;
        _rowGroups = rowGroups;
    }

    /// <summary>The sensitive features' names, in order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Every group, empty combinations included, in report order.</summary>
    public IReadOnlyList<GroupKey> Groups { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => _rowGroups.Length;

    /// <summary>The group index of each row.</summary>
    internal ReadOnlySpan<int> RowGroups => _rowGroups;

    /// <summary>The groups of one or more sensitive features, all over the same rows.</summary>
    /// <exception cref="ArgumentException">No feature, rows of different lengths, a code outside its table, or too many groups.</exception>
    public static GroupIndex Create(params IReadOnlyList<SensitiveFeature> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException("At least one sensitive feature is needed.", nameof(features));
        }

        var rows = features[0].Codes.Length;
        long groupCount = 1;
        foreach (var feature in features)
        {
            BinaryInput.RequireSameLength(rows, feature.Codes.Length, nameof(features));
            if (feature.Levels.Count == 0)
            {
                throw new ArgumentException($"Feature '{feature.Name}' has no levels.", nameof(features));
            }

            groupCount *= feature.Levels.Count;
            if (groupCount > MaxGroups)
            {
                throw new ArgumentException($"The features make more than {MaxGroups} groups.", nameof(features));
            }
        }

        var rowGroups = new int[rows];
        foreach (var feature in features)
        {
            var codes = feature.Codes.Span;
            var levels = feature.Levels.Count;
            for (var i = 0; i < rows; i++)
            {
                var code = codes[i];
                if ((uint)code >= (uint)levels)
                {
                    throw new ArgumentException($"Feature '{feature.Name}', row {i}: code {code} is outside 0..{levels - 1}.", nameof(features));
                }

                rowGroups[i] = (rowGroups[i] * levels) + code;
            }
        }

        return new GroupIndex([.. features.Select(f => f.Name)], ProductKeys(features, (int)groupCount), rowGroups);
    }

    /// <summary>A single group holding every row (for metrics that are not split by group).</summary>
    public static GroupIndex All(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        return new GroupIndex([], [new GroupKey(0, ["all"])], new int[rowCount]);
    }

    /// <summary>The group with the given level names (one per feature), or −1.</summary>
    public int Find(params IReadOnlyList<string> levels)
    {
        foreach (var group in Groups)
        {
            if (group.Levels.SequenceEqual(levels, StringComparer.Ordinal))
            {
                return group.Index;
            }
        }

        return -1;
    }

    private static GroupKey[] ProductKeys(IReadOnlyList<SensitiveFeature> features, int groupCount)
    {
        var keys = new GroupKey[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var levels = new string[features.Count];
            var rest = g;
            for (var f = features.Count - 1; f >= 0; f--)
            {
                var count = features[f].Levels.Count;
                levels[f] = features[f].Levels[rest % count];
                rest /= count;
            }

            keys[g] = new GroupKey(g, levels);
        }

        return keys;
    }
}
