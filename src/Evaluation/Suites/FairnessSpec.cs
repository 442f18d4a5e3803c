using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Suites;

/// <summary>The group-fairness part of a bias suite.</summary>
/// <param name="Sensitive">The sensitive features, each reported on its own.</param>
/// <param name="Intersections">Combinations of features reported as intersectional groups (by column).</param>
/// <param name="MinimumGroupSize">Smaller groups are reported but kept out of disparities.</param>
/// <param name="ZeroDivision">NaN (default) or Fairlearn's behaviour.</param>
public sealed record FairnessSpec(
    IReadOnlyList<SensitiveSpec> Sensitive,
    IReadOnlyList<IReadOnlyList<string>> Intersections,
    int MinimumGroupSize,
    ZeroDivisionPolicy ZeroDivision);
