namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Shares of items with yes/no outcomes — <c>acc</c> and <c>acc_norm</c> of a multiple-choice set, <c>pct_stereotype</c>
/// of sentence pairs — overall and per group (subset, bias type), with seeded percentile bootstrap intervals. Items are
/// resampled with replacement, drawn exactly as the multinomial of the group × outcome cells (as
/// <see cref="Bootstrap.Binary"/> does), so one replicate resamples every outcome of an item together.
/// <see cref="Paired"/> gives the differences B − A of two versions scored on the same items.
/// </summary>
public static class ShareBootstrap
{
    /// <summary>The most outcomes per item.</summary>
    public const int MaxOutcomes = 4;

    /// <summary>The name of an outcome's share in one group, as other group figures are named: <c>group[gender].pct_stereotype</c>.</summary>
    public static string GroupName(string group, string outcome) => $"group[{group}].{outcome}";

    /// <summary>Shares and their intervals.</summary>
    /// <param name="outcomes">The outcomes' names, bit k of an item's <paramref name="outcomeBits"/> being outcome k.</param>
    /// <param name="groups">The groups' names; empty for overall figures only.</param>
    /// <param name="itemGroups">Each item's group (all 0 without groups).</param>
    /// <param name="outcomeBits">Each item's outcomes.</param>
    /// <param name="options">The bootstrap's replicates, seed and level.</param>
    public static BootstrapResult Shares(
        IReadOnlyList<string> outcomes, IReadOnlyList<string> groups, ReadOnlySpan<int> itemGroups, ReadOnlySpan<int> outcomeBits, BootstrapOptions? options = null)
    {
        Check(outcomes, groups, itemGroups, outcomeBits.Length);
        var statistic = new IndicatorShareStatistic(outcomes, groups);
        var cells = new long[statistic.CellCount];
        for (var i = 0; i < outcomeBits.Length; i++)
        {
            cells[(itemGroups[i] << outcomes.Count) | Bits(outcomeBits[i], outcomes.Count, i)]++;
        }

        return CountBootstrapEngine.Run(statistic, cells, options ?? BootstrapOptions.Default);
    }

    /// <summary>Differences B − A of every share of <see cref="Shares"/>, both versions resampled on the same items.</summary>
    public static BootstrapResult Paired(
        IReadOnlyList<string> outcomes,
        IReadOnlyList<string> groups,
        ReadOnlySpan<int> itemGroups,
        ReadOnlySpan<int> outcomeBitsA,
        ReadOnlySpan<int> outcomeBitsB,
        BootstrapOptions? options = null)
    {
        Check(outcomes, groups, itemGroups, outcomeBitsA.Length);
        BinaryInput.RequireSameLength(outcomeBitsA.Length, outcomeBitsB.Length, nameof(outcomeBitsB));
        var k = outcomes.Count;
        var inner = new IndicatorShareStatistic(outcomes, groups);
        var paired = new long[inner.CellCount << k];
        for (var i = 0; i < outcomeBitsA.Length; i++)
        {
            paired[(itemGroups[i] << (2 * k)) | (Bits(outcomeBitsA[i], k, i) << k) | Bits(outcomeBitsB[i], k, i)]++;
        }

        var toA = new int[paired.Length];
        var toB = new int[paired.Length];
        var mask = (1 << k) - 1;
        for (var c = 0; c < paired.Length; c++)
        {
            var g = c >> (2 * k);
            toA[c] = (g << k) | ((c >> k) & mask);
            toB[c] = (g << k) | (c & mask);
        }

        return CountBootstrapEngine.Run(new PairedCellStatistic(inner, toA, toB), paired, options ?? BootstrapOptions.Default);
    }

    private static void Check(IReadOnlyList<string> outcomes, IReadOnlyList<string> groups, ReadOnlySpan<int> itemGroups, int items)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(groups);
        if (outcomes.Count is < 1 or > MaxOutcomes)
        {
            throw new ArgumentException($"Between 1 and {MaxOutcomes} outcomes are needed.", nameof(outcomes));
        }

        Bootstrap.RequireRows(items);
        BinaryInput.RequireSameLength(items, itemGroups.Length, nameof(itemGroups));
        var groupCount = Math.Max(groups.Count, 1);
        if (groupCount > GroupIndex.MaxGroups)
        {
            throw new ArgumentException($"At most {GroupIndex.MaxGroups} groups are accepted.", nameof(groups));
        }

        for (var i = 0; i < itemGroups.Length; i++)
        {
            if ((uint)itemGroups[i] >= (uint)groupCount)
            {
                throw new ArgumentException($"Item {i}: group {itemGroups[i]} is not one of the {groupCount} groups.", nameof(itemGroups));
            }
        }
    }

    private static int Bits(int bits, int outcomes, int item) =>
        (uint)bits < (uint)(1 << outcomes) ? bits : throw new ArgumentException($"Item {item}: outcome bits {bits} name more than {outcomes} outcome(s).");
}
