using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Leaderboards;

/// <summary>
/// Ranks leaderboard entries so that differences the intervals cannot tell apart are shown as ties. Entries are ordered
/// best first by value (then by model and version, for a stable order). The first entry opens a tie group at rank 1.
/// Each next entry joins the current group, sharing its rank, when its interval overlaps the interval of the group's
/// first entry (closed intervals; an entry without an interval is the single point of its value). Otherwise it opens a
/// new group whose rank is its position (standard competition ranking: 1, 1, 3). Comparing with the group's first
/// entry, not the entry just above, keeps a chain of small overlaps from tying the top entry with one its interval
/// clearly excludes. An entry whose value is undefined (NaN) is listed last, without a rank.
/// </summary>
public static class LeaderboardRanking
{
    /// <summary>The rule in one sentence, as the leaderboard states it.</summary>
    public const string TieRule =
        "Best first; an entry shares the rank of the first entry of the group above it when their intervals overlap (closed intervals; no interval: the value alone), otherwise its rank is its position (1, 1, 3).";

    /// <summary>The entries with their ranks, best first.</summary>
    /// <param name="entries">The entries (their <see cref="LeaderboardEntry.Rank"/> and <see cref="LeaderboardEntry.Tied"/> are ignored).</param>
    /// <param name="higherIsBetter">Whether larger values rank first.</param>
    public static IReadOnlyList<LeaderboardEntry> Rank(IEnumerable<LeaderboardEntry> entries, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToList();
        var defined = all.Where(e => !double.IsNaN(e.Value.Value));
        var ordered = (higherIsBetter ? defined.OrderByDescending(e => e.Value.Value) : defined.OrderBy(e => e.Value.Value))
            .ThenBy(e => e.Model.ToString(), StringComparer.Ordinal)
            .ThenBy(e => e.Version)
            .ToList();
        var ranks = new int[ordered.Count];
        var leader = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && Overlap(ordered[leader].Value, ordered[i].Value))
            {
                ranks[i] = ranks[leader];
            }
            else
            {
                leader = i;
                ranks[i] = i + 1;
            }
        }

        var sizes = ranks.CountBy(r => r).ToDictionary(p => p.Key, p => p.Value);
        var ranked = ordered.Select((e, i) => e with { Rank = ranks[i], Tied = sizes[ranks[i]] > 1 });
        var unranked = all.Where(e => double.IsNaN(e.Value.Value))
            .OrderBy(e => e.Model.ToString(), StringComparer.Ordinal).ThenBy(e => e.Version)
            .Select(e => e with { Rank = null, Tied = false });
        return [.. ranked, .. unranked];
    }

    /// <summary>Whether the intervals of <paramref name="a"/> and <paramref name="b"/> share a point.</summary>
    /// <param name="a">One figure.</param>
    /// <param name="b">The other.</param>
    public static bool Overlap(MetricValue a, MetricValue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (aLow, aHigh) = Ends(a);
        var (bLow, bHigh) = Ends(b);
        return aLow <= bHigh && bLow <= aHigh;
    }

    private static (double Low, double High) Ends(MetricValue value) =>
        double.IsFinite(value.Lower) && double.IsFinite(value.Upper)
            ? (Math.Min(value.Lower, value.Upper), Math.Max(value.Lower, value.Upper))
            : (value.Value, value.Value);
}
