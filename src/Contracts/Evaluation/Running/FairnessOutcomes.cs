using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// Which prediction each family of fairness metrics counts: Fairlearn's metrics and the group rates the positive
/// label, AIF360's the favourable outcome the suite declares.
/// </summary>
/// <param name="Column">The label's column (null for IDX labels).</param>
/// <param name="Positive">Label values read as positive (ŷ = 1).</param>
/// <param name="Negative">Label values read as negative (ŷ = 0).</param>
/// <param name="Favourable">The outcome AIF360's metrics count as favourable.</param>
/// <param name="FavourableMeaning">What the favourable outcome means in the suite's words, or null.</param>
public sealed record FairnessOutcomes(
    string? Column,
    IReadOnlyList<string> Positive,
    IReadOnlyList<string> Negative,
    FavourableOutcome Favourable,
    string? FavourableMeaning);
