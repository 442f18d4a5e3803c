using System.Text.Json.Serialization;

namespace ModelGrid.Evaluation.Running;

/// <summary>One group of a fairness view: its counts and, when it is reported, its rates with intervals.</summary>
/// <param name="Group">The group's name ("Female", "Female, Black").</param>
/// <param name="Count">Rows in the group.</param>
/// <param name="Positives">Rows whose true label is positive.</param>
/// <param name="TruePositives">Confusion counts.</param>
/// <param name="FalsePositives">Confusion counts.</param>
/// <param name="FalseNegatives">Confusion counts.</param>
/// <param name="TrueNegatives">Confusion counts.</param>
/// <param name="InDisparity">False for a group below the minimum size: not reported, kept out of disparities.</param>
/// <param name="Rates">
/// Selection rate, TPR, FPR, FNR, accuracy … with intervals, named without the group prefix; empty for a group that
/// is not reported.
/// </param>
/// <param name="Reason">Why the rates are not reported ("n = 2, below the minimum of 30: not reported"), or null.</param>
public sealed record GroupRow(
    string Group,
    long Count,
    long Positives,
    long TruePositives,
    long FalsePositives,
    long FalseNegatives,
    long TrueNegatives,
    bool InDisparity,
    IReadOnlyList<MetricValue> Rates,
    string? Reason = null)
{
    /// <summary>Whether the group's rates are reported: it has at least the minimum number of rows.</summary>
    public bool Reported => InDisparity;

    /// <summary>
    /// Why the rates are not shown, or null when they are. A result stored before groups below the minimum went
    /// unreported has no reason of its own and gets a general one, since its minimum was not recorded.
    /// </summary>
    [JsonIgnore]
    public string? NotReported => InDisparity ? null : Reason ?? $"n = {Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}, below the minimum group size: not reported";
}
