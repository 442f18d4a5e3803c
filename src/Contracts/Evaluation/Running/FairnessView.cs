namespace ModelGrid.Evaluation.Running;

/// <summary>Group fairness over one sensitive feature or one intersection of features.</summary>
/// <param name="Name">The features joined with " x " ("sex", "sex x race").</param>
/// <param name="Features">The features.</param>
/// <param name="Privileged">The privileged group's name, or null.</param>
/// <param name="Groups">Every group, in declared level order.</param>
/// <param name="Disparities">Differences, ratios, Fairlearn's named metrics and the AIF360 metrics with intervals.</param>
/// <param name="Warnings">Small or empty groups, undefined figures.</param>
public sealed record FairnessView(
    string Name,
    IReadOnlyList<string> Features,
    string? Privileged,
    IReadOnlyList<GroupRow> Groups,
    IReadOnlyList<MetricValue> Disparities,
    IReadOnlyList<string> Warnings);
