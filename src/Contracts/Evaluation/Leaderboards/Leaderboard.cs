namespace ModelGrid.Evaluation.Leaderboards;

/// <summary>A suite's leaderboard: the model versions the caller may read, ranked on the suite's headline metric.</summary>
/// <param name="Suite">The suite's id.</param>
/// <param name="SuiteVersion">The suite's version.</param>
/// <param name="SuiteDigest">The suite digest every ranked result was measured on.</param>
/// <param name="Kind">The suite's kind.</param>
/// <param name="Metric">The metric ranked on.</param>
/// <param name="Hardware">The hardware class asked for (<c>?hardware=</c>), or null for every class.</param>
/// <param name="TieRule">How ties are decided, in words.</param>
/// <param name="Entries">Best first; entries with an undefined figure last, without a rank.</param>
public sealed record Leaderboard(
    string Suite,
    int SuiteVersion,
    string SuiteDigest,
    string Kind,
    LeaderboardMetric Metric,
    string? Hardware,
    string TieRule,
    IReadOnlyList<LeaderboardEntry> Entries);
