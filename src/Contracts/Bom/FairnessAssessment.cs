using System.Globalization;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Bom;

/// <summary>
/// A group a bias result shows at a disadvantage: its favourable-outcome rate is below the privileged group's. The
/// benefit is that rate against the privileged group's, the harm the error rates against theirs, both as measured.
/// </summary>
/// <param name="GroupAtRisk">The group's slice (<c>suite@version; view = group</c>).</param>
/// <param name="Benefits">The favourable outcome's rate in the group and in the privileged group.</param>
/// <param name="Harms">The false positive and false negative rates in the group and in the privileged group.</param>
public sealed record FairnessAssessment(string GroupAtRisk, string Benefits, string Harms)
{
    private const string SelectionRate = "selection_rate";
    private const string FalsePositiveRate = "false_positive_rate";
    private const string FalseNegativeRate = "false_negative_rate";

    /// <summary>The assessments of one result: per view with a privileged group, each reported group below it.</summary>
    /// <param name="report">The result.</param>
    public static IEnumerable<FairnessAssessment> Of(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suite = $"{report.Suite}@{report.SuiteVersion.ToString(CultureInfo.InvariantCulture)}";
        var favourable = report.Outcomes?.Favourable ?? FavourableOutcome.Positive;
        var meaning = report.Outcomes?.FavourableMeaning
            ?? (favourable == FavourableOutcome.Positive ? "the positive prediction" : "the negative prediction");
        foreach (var view in report.Fairness)
        {
            if (view.Groups.FirstOrDefault(g => g.Reported && g.Group == view.Privileged) is not { } privileged
                || FavourableRate(privileged, favourable) is not { } reference)
            {
                continue;
            }

            foreach (var group in view.Groups.Where(g => g.Reported && g != privileged))
            {
                if (FavourableRate(group, favourable) is not { } rate || rate >= reference)
                {
                    continue;
                }

                var harms = new[] { FalsePositiveRate, FalseNegativeRate }
                    .Where(name => !double.IsNaN(Rate(group, name)) && !double.IsNaN(Rate(privileged, name)))
                    .Select(name => $"{name.Replace('_', ' ')} {Fixed(Rate(group, name))} against {Fixed(Rate(privileged, name))} for {privileged.Group}");
                yield return new FairnessAssessment(
                    CycloneDxBom.GroupSlice(suite, view.Name, group.Group),
                    $"{meaning}: {Percent(rate)} of the group against {Percent(reference)} of {privileged.Group}",
                    string.Join("; ", harms) is { Length: > 0 } text ? text : "no error rates are defined for the group");
            }
        }
    }

    private static double? FavourableRate(GroupRow group, FavourableOutcome favourable)
    {
        var selection = Rate(group, SelectionRate);
        return double.IsNaN(selection) ? null : favourable == FavourableOutcome.Positive ? selection : 1 - selection;
    }

    private static double Rate(GroupRow group, string name) =>
        group.Rates.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal))?.Value ?? double.NaN;

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Fixed(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
