namespace ModelGrid.Evaluation.Comparison;

/// <summary>One metric across the compared versions.</summary>
/// <param name="View">The fairness view ("race", "sex x race"), or null for an overall figure.</param>
/// <param name="Name">The metric's name.</param>
/// <param name="Figures">One figure per version, in the order asked for.</param>
public sealed record ComparedMetric(string? View, string Name, IReadOnlyList<VersionFigure> Figures);
