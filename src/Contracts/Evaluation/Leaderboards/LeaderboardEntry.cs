using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Leaderboards;

/// <summary>One model version on a leaderboard: its latest recorded result's headline figure and its place.</summary>
/// <param name="Rank">The place (1 is best; tied entries share one, see <see cref="LeaderboardRanking"/>), or null when the figure is undefined.</param>
/// <param name="Tied">Whether another entry shares the rank.</param>
/// <param name="Model">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Value">The headline figure with its bootstrap interval (NaN ends when the kind has none, as for throughput).</param>
/// <param name="HardwareClass">Where the result was measured (<c>cpu</c> or <c>gpu</c>).</param>
/// <param name="JobId">The evaluation job that produced the result.</param>
/// <param name="RecordedAt">When the result was recorded.</param>
public sealed record LeaderboardEntry(
    int? Rank,
    bool Tied,
    ModelId Model,
    int Version,
    MetricValue Value,
    string HardwareClass,
    Guid JobId,
    DateTimeOffset RecordedAt);
