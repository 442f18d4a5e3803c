using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Evaluation.Tests.Reporting;

public sealed class ComparisonTextTests
{
    private static readonly ComparisonReport Report = new(
        "compas-recidivism", new string('c', 64), 1, [1, 2], 1000, 7, 0.95,
        [
            Metric(null, "accuracy", null),
            Metric("race", "aif360.disparate_impact", null),
            Metric("race x sex", "group[Asian, Female].selection_rate", "n = 2, below the minimum of 30: not reported"),
            Metric("race x sex", "group[Asian, Female].false_positive_rate", "n = 2, below the minimum of 30: not reported"),
        ],
        SampleReports.Compas);

    [Fact]
    public void Render_GroupBelowTheMinimum_OneLineInsteadOfRowsOfNothing()
    {
        var text = ComparisonText.Render(Report);

        Assert.DoesNotContain("group[Asian, Female]", text, StringComparison.Ordinal);
        Assert.EndsWith("not compared: race x sex: Asian, Female (n = 2, below the minimum of 30: not reported)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FairnessRows_SayWhichPredictionEachFamilyCounts()
    {
        var text = ComparisonText.Render(Report);
        var overallOnly = ComparisonText.Render(Report, ["accuracy"]);

        Assert.Contains("AIF360 metrics (aif360.*) count the favourable outcome ŷ = 0 (two_year_recid = 0: predicted not to be charged again within two years)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AIF360", overallOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("not compared", overallOnly, StringComparison.Ordinal);
    }

    private static ComparedMetric Metric(string? view, string name, string? notReported) => new(
        view,
        name,
        notReported is null
            ? [new VersionFigure(1, new MetricValue(name, 0.7, 0.6, 0.8, 1000, 0), null, null), new VersionFigure(2, new MetricValue(name, 0.75, 0.65, 0.85, 1000, 0), new MetricValue(name, 0.05, 0.01, 0.09, 1000, 0), true)]
            : [new VersionFigure(1, null, null, null), new VersionFigure(2, null, null, null)],
        notReported);
}
