namespace ModelGrid.Evaluation.Running;

/// <summary>One group of a fairness view: its counts and its rates with intervals.</summary>
/// <param name="Group">The group's name ("Female", "Female, Black").</param>
/// <param name="Count">Rows in the group.</param>
/// <param name="Positives">Rows whose true label is positive.</param>
/// <param name="TruePositives">Confusion counts.</param>
/// <param name="FalsePositives">Confusion counts.</param>
/// <param name="FalseNegatives">Confusion counts.</param>
/// <param name="TrueNegatives">Confusion counts.</param>
/// <param name="InDisparity">False for a group below the minimum size (reported, kept out of disparities).</param>
/// <param name="Rates">Selection rate, TPR, FPR, FNR, accuracy … with intervals, named without the group prefix.</param>
public sealed record GroupRow(
    string Group,
    long Count,
    long Positives,
    long TruePositives,
    long FalsePositives,
    long FalseNegatives,
    long TrueNegatives,
    bool InDisparity,
    IReadOnlyList<MetricValue> Rates);
