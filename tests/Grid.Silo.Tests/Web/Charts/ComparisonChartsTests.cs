using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Running;
using ModelGrid.Silo.Web.Charts;

namespace ModelGrid.Silo.Tests.Web.Charts;

public sealed class ComparisonChartsTests
{
    private static readonly ComparisonReport Report = new(
        "compas-recidivism", new string('a', 64), 1, [1, 3], 1000, 7, 0.95,
        [
            new(null, "accuracy", [Figure(1, "accuracy", 0.66, 0.65, 0.67), Figure(3, "accuracy", 0.68, 0.67, 0.69)]),
            new("sex", "demographic_parity_difference.between_groups", [Figure(1, "demographic_parity_difference.between_groups", 0.1, 0.08, 0.12), Figure(3, "x", 0.05, 0.03, 0.07)]),
            new("sex", "group[Female].selection_rate", [Figure(1, "selection_rate", 0.3, 0.27, 0.33), Figure(3, "selection_rate", 0.35, 0.32, 0.38)]),
            new("sex", "group[Female].false_positive_rate", [Figure(1, "false_positive_rate", 0.2, 0.18, 0.22), Figure(3, "false_positive_rate", 0.21, 0.19, 0.23)]),
            new("sex", "group[Male].selection_rate", [Figure(1, "selection_rate", 0.45, 0.43, 0.47), Figure(3, "selection_rate", 0.4, 0.38, 0.42)]),
            new("race", "group[Asian].selection_rate", [new(1, null, null, null), new(3, null, null, null)], "n = 12, below the minimum of 30: not reported"),
            new("race", "group[Caucasian].selection_rate", [Figure(1, "selection_rate", 0.33, double.NaN, double.NaN), Figure(3, "selection_rate", 0.31, 0.29, 0.33)]),
        ]);

    [Fact]
    public void Views_GroupRatesOfEachView_InTheComparisonsOrder()
    {
        var views = ComparisonCharts.Views(Report);

        Assert.Equal(["sex", "race"], views.Select(v => v.View));
        Assert.Equal(["selection_rate", "false_positive_rate"], views[0].Rates);
        Assert.Equal(["selection_rate"], views[1].Rates);
    }

    [Fact]
    public void For_ViewAndRate_TheComparisonsOwnFiguresAndIntervals()
    {
        var data = ComparisonCharts.For(Report, "sex", "selection_rate", ComparisonCharts.BarsId, "demo/compas on compas-recidivism")!;

        Assert.Equal("chart-bars", data.Id);
        Assert.Equal("selection_rate", data.Metric);
        Assert.Equal(["Female", "Male"], data.Groups);
        Assert.Equal([1, 3], data.Versions);
        Assert.Equal(new ChartValue("Female", 3, 0.35, 0.32, 0.38), data.Find("Female", 3));
        Assert.Equal(new ChartValue("Male", 1, 0.45, 0.43, 0.47), data.Find("Male", 1));
        Assert.Contains("95% bootstrap interval", data.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void For_GroupNotReported_MissingFiguresAndNamedInTheDescription()
    {
        var data = ComparisonCharts.For(Report, "race", "selection_rate", ComparisonCharts.LinesId, "m")!;

        Assert.Equal(["Asian", "Caucasian"], data.Groups);
        Assert.Null(data.Find("Asian", 1)!.Drawn);
        Assert.Null(data.Find("Caucasian", 1)!.Interval);
        Assert.Equal(0.33, data.Find("Caucasian", 1)!.Drawn);
        Assert.Contains("Not reported (too few rows): Asian.", data.Description, StringComparison.Ordinal);
        Assert.StartsWith("One line per race group", data.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void For_UnknownRate_Null()
    {
        Assert.Null(ComparisonCharts.For(Report, "sex", "true_positive_rate", ComparisonCharts.BarsId, "m"));
        Assert.Null(ComparisonCharts.For(Report, "age", "selection_rate", ComparisonCharts.BarsId, "m"));
    }

    [Theory]
    [InlineData("group[Female].selection_rate", "Female", "selection_rate")]
    [InlineData("group[Female, African-American].false_positive_rate", "Female, African-American", "false_positive_rate")]
    [InlineData("group[a].b]].selection_rate", "a].b]", "selection_rate")]
    public void Split_GroupMetric_GroupAndRate(string metric, string group, string rate) =>
        Assert.Equal((group, rate), ComparisonCharts.Split(metric));

    [Theory]
    [InlineData("accuracy")]
    [InlineData("demographic_parity_difference.between_groups")]
    [InlineData("group[Female")]
    public void Split_OtherMetric_Null(string metric) => Assert.Null(ComparisonCharts.Split(metric));

    private static VersionFigure Figure(int version, string name, double value, double low, double high) =>
        new(version, new MetricValue(name, value, low, high, 1000, 0), null, null);
}
