using System.Numerics;
using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// The group of every row, from one or more sensitive features. With several features the groups are the
/// Cartesian product of their levels, first feature slowest (as Fairlearn's <c>MultiIndex.from_product</c>):
/// combinations without rows stay in the table with a count of 0 and undefined rates, and are never evaluated.
/// Build it once per evaluation set and reuse it for every model version scored on those rows. With a single feature
/// the index keeps that feature's codes instead of copying them (a copy of a million rows cost more than the count
/// pass it serves), so the codes must not change while the index is in use.
/// </summary>
public sealed class GroupIndex
{
    /// <summary>The largest number of groups (the product of the features' level counts) accepted.</summary>
    public const int MaxGroups = 1 << 16;

    private readonly ReadOnlyMemory<int> _rowGroups;

    private GroupIndex(IReadOnlyList<string> featureNames, IReadOnlyList<GroupKey> groups, ReadOnlyMemory<int> rowGroups)
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
    internal ReadOnlySpan<int> RowGroups => _rowGroups.Span;

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

        // Every element is written below, so the array need not be cleared first.
        var rowGroups = features.Count == 1 ? [] : GC.AllocateUninitializedArray<int>(rows);
        for (var f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            var codes = feature.Codes.Span;
            var levels = feature.Levels.Count;
            var bad = codes.IndexOfAnyExceptInRange(0, levels - 1);
            if (bad >= 0)
            {
                throw new ArgumentException($"Feature '{feature.Name}', row {bad}: code {codes[bad]} is outside 0..{levels - 1}.", nameof(features));
            }

            if (features.Count == 1)
            {
                return new GroupIndex([feature.Name], ProductKeys(features, (int)groupCount), feature.Codes);
            }

            if (f == 0)
            {
                codes.CopyTo(rowGroups);
            }
            else
            {
                Combine(rowGroups, codes, levels);
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

    /// <summary>rowGroups[i] = rowGroups[i]·levels + codes[i]: the next feature varies fastest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Combine(Span<int> rowGroups, ReadOnlySpan<int> codes, int levels)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<int>(levels);
            for (; i <= rowGroups.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var combined = (new Vector<int>(rowGroups[i..]) * factor) + new Vector<int>(codes[i..]);
                combined.CopyTo(rowGroups[i..]);
            }
        }

        for (; i < rowGroups.Length; i++)
        {
            rowGroups[i] = (rowGroups[i] * levels) + codes[i];
        }
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
