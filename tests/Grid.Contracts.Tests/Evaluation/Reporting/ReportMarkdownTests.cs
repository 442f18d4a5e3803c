using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Contracts.Tests.Evaluation.Reporting;

public sealed class ReportMarkdownTests
{
    [Fact]
    public void Render_CompasOutcomes_SaysWhichPredictionEachFamilyCounts()
    {
        var text = ReportMarkdown.Render(SampleReports.Bias(SampleReports.Compas, [], null, SampleReports.Reported("Caucasian", 100)));

        Assert.Contains(
            "\nFairlearn metrics and the group rates count the positive prediction ŷ = 1 (two_year_recid = 1). "
            + "AIF360 metrics (aif360.*) count the favourable outcome ŷ = 0 (two_year_recid = 0: predicted not to be charged again within two years), "
            + "and compare the privileged group with every other row.\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Orientation_PositiveFavourableWithSeveralValues_NamesThemAll()
    {
        var outcomes = new FairnessOutcomes("income", [">50K", ">50K."], ["<=50K"], FavourableOutcome.Positive, null);

        Assert.Equal(
            "Fairlearn metrics and the group rates count the positive prediction ŷ = 1 (income in {>50K, >50K.}). "
            + "AIF360 metrics (aif360.*) count the favourable outcome ŷ = 1, the positive prediction, and compare the privileged group with every other row.",
            ReportMarkdown.Orientation(outcomes));
    }

    [Fact]
    public void Render_ResultStoredBeforeOutcomesWereDeclared_SaysItsAif360FiguresCountThePositivePrediction()
    {
        var text = ReportMarkdown.Render(SampleReports.Bias(null, [], null, SampleReports.Reported("Caucasian", 100)));

        Assert.Contains("AIF360 metrics (aif360.*), in this result recorded before suites declared their favourable outcome, count ŷ = 1 as favourable too", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GroupBelowTheMinimum_ShowsTheReasonInsteadOfFigures()
    {
        var text = ReportMarkdown.Render(SampleReports.Bias(
            SampleReports.Compas, [], null, SampleReports.Reported("Caucasian", 100), SampleReports.Small("Asian, Female", 2, "n = 2, below the minimum of 30: not reported")));

        Assert.Contains("| Asian, Female | 2 | 1 | n = 2, below the minimum of 30: not reported | — | — | — | — |\n", text, StringComparison.Ordinal);
        Assert.Contains("| Caucasian | 100 | 50 | 0.5000 [0.4000, 0.6000] | — | — | — | — |\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0000 [0.0000, 0.0000]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SmallGroupOfAResultStoredBeforeGroupsWentUnreported_ShowsAGeneralReasonNotItsFigures()
    {
        var text = ReportMarkdown.Render(SampleReports.Bias(SampleReports.Compas, [], null, SampleReports.Small("Asian, Female", 2, null)));

        Assert.Contains("| Asian, Female | 2 | 1 | n = 2, below the minimum group size: not reported | — | — | — | — |\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0000 [0.0000, 0.0000]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithLinks_LinksEveryMetricNameToItsDefinition()
    {
        var text = ReportMarkdown.Render(SampleReports.Bias(SampleReports.Compas, [], null, SampleReports.Reported("Caucasian", 100)), 4, links: true);

        Assert.Contains("| [accuracy](#metric-accuracy) | 0.8000 [0.7500, 0.8500] |", text, StringComparison.Ordinal);
        Assert.Contains("| [aif360.disparate_impact](#metric-aif360-disparate_impact) | 0.7400 [0.7000, 0.7800] |", text, StringComparison.Ordinal);
        Assert.Contains("| group | n | positives | [selection rate](#metric-selection_rate) | [TPR](#metric-true_positive_rate) |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CountsByKind_OneShortLine()
    {
        var report = SampleReports.Bias(
            SampleReports.Compas,
            [.. Enumerable.Range(0, 8).Select(i => $"warning {i}")],
            [new WarningCount(MetricWarningKind.SmallGroup, 5), new WarningCount(MetricWarningKind.UndefinedMetric, 1), new WarningCount(MetricWarningKind.UndefinedReplicates, 2)]);

        Assert.Equal(
            "5 groups below the minimum size (not reported); 1 undefined figure (zero division); 2 intervals from fewer replicates (the figure was undefined in some)",
            WarningSummary.Describe(report));
    }

    [Fact]
    public void Describe_ResultStoredBeforeCounts_SaysHowMany_NoWarningsIsNull()
    {
        Assert.Equal("3 warnings", WarningSummary.Describe(SampleReports.Bias(null, ["a", "b", "c"], null)));
        Assert.Null(WarningSummary.Describe(SampleReports.Bias(null, [], null)));
    }
}
