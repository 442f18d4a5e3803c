namespace ModelGrid.Evaluation.Comparison;

/// <summary>One metric across the compared versions.</summary>
/// <param name="View">The fairness view ("race", "sex x race"), or null for an overall figure.</param>
/// <param name="Name">The metric's name.</param>
/// <param name="Figures">One figure per version, in the order asked for; without values when the metric is not reported.</param>
/// <param name="NotReported">
/// Why a group's rate is not reported ("n = 2, below the minimum of 30: not reported"), or null when it is.
/// </param>
public sealed record ComparedMetric(string? View, string Name, IReadOnlyList<VersionFigure> Figures, string? NotReported = null);
