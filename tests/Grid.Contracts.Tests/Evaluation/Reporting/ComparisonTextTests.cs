using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Contracts.Tests.Evaluation.Reporting;

public sealed class ComparisonTextTests
{
    private const string LongestName = "equalized_odds_difference.worst_case.between_groups";

    private const string Preamble =
        "compas-recidivism (67067f97732c), 95% intervals in brackets; Δ: the change from v1 (the baseline),\n"
        + "with its interval from a paired bootstrap (B = 1,000, seed 20261126); * = significant (the interval\n"
        + "excludes 0)\n";

    [Fact]
    public void Render_FourVersions_EveryFigureWithinOneHundredColumns()
    {
        var text = ComparisonText.Render(Report(4));

        Assert.Equal(
            Preamble
            + "\n"
            + "         v1 (baseline)     v2                  v3                  v4\n"
            + "                           Δ v2 − v1           Δ v3 − v1           Δ v4 − v1\n"
            + "accuracy\n"
            + "  value  0.6773            0.6742              0.6742              0.6742\n"
            + "         [0.6663, 0.6882]  [0.6634, 0.6853]    [0.6634, 0.6853]    [0.6634, 0.6853]\n"
            + "  Δ                        -0.0030             -0.0030             -0.0030\n"
            + "                           [-0.0094, +0.0031]  [-0.0094, +0.0031]  [-0.0094, +0.0031]\n"
            + "race x sex: " + LongestName + "\n"
            + "  value  0.6644            0.3403              0.3403              0.3403\n"
            + "         [0.6421, 0.6892]  [0.3109, 0.6242]    [0.3109, 0.6242]    [0.3109, 0.6242]\n"
            + "  Δ                        -0.3241 *           -0.3241 *           -0.3241 *\n"
            + "                           [-0.3484, -0.0369]  [-0.3484, -0.0369]  [-0.3484, -0.0369]\n",
            text);
    }

    [Fact]
    public void Render_MoreVersionsThanFit_ContinueInAFurtherBlockWithTheirHeaders()
    {
        var text = ComparisonText.Render(Report(7), ["accuracy"]);

        Assert.Equal(
            Preamble
            + "\n"
            + "         v1 (baseline)     v2                  v3                  v4\n"
            + "                           Δ v2 − v1           Δ v3 − v1           Δ v4 − v1\n"
            + "accuracy\n"
            + "  value  0.6773            0.6742              0.6742              0.6742\n"
            + "         [0.6663, 0.6882]  [0.6634, 0.6853]    [0.6634, 0.6853]    [0.6634, 0.6853]\n"
            + "  Δ                        -0.0030             -0.0030             -0.0030\n"
            + "                           [-0.0094, +0.0031]  [-0.0094, +0.0031]  [-0.0094, +0.0031]\n"
            + "\n"
            + "         v5                  v6                  v7\n"
            + "         Δ v5 − v1           Δ v6 − v1           Δ v7 − v1\n"
            + "accuracy\n"
            + "  value  0.6742              0.6742              0.6742\n"
            + "         [0.6634, 0.6853]    [0.6634, 0.6853]    [0.6634, 0.6853]\n"
            + "  Δ      -0.0030             -0.0030             -0.0030\n"
            + "         [-0.0094, +0.0031]  [-0.0094, +0.0031]  [-0.0094, +0.0031]\n",
            text);
    }

    [Fact]
    public void Render_Narrower_FewerVersionsPerBlockAndTheBaselineAloneHasNoDeltaRows()
    {
        var text = ComparisonText.Render(Report(3), ["accuracy"], width: 40);

        Assert.Equal(
            "compas-recidivism (67067f97732c), 95%\n"
            + "intervals in brackets; Δ: the change\n"
            + "from v1 (the baseline), with its\n"
            + "interval from a paired bootstrap (B =\n"
            + "1,000, seed 20261126); * = significant\n"
            + "(the interval excludes 0)\n"
            + "\n"
            + "         v1 (baseline)\n"
            + "accuracy\n"
            + "  value  0.6773\n"
            + "         [0.6663, 0.6882]\n"
            + "\n"
            + "         v2\n"
            + "         Δ v2 − v1\n"
            + "accuracy\n"
            + "  value  0.6742\n"
            + "         [0.6634, 0.6853]\n"
            + "  Δ      -0.0030\n"
            + "         [-0.0094, +0.0031]\n"
            + "\n"
            + "         v3\n"
            + "         Δ v3 − v1\n"
            + "accuracy\n"
            + "  value  0.6742\n"
            + "         [0.6634, 0.6853]\n"
            + "  Δ      -0.0030\n"
            + "         [-0.0094, +0.0031]\n",
            text);
    }

    [Fact]
    public void Render_AMetricMissingFromAVersion_ShowsADash()
    {
        var report = new ComparisonReport("s", new string('a', 64), 2, [1, 2], 1000, 7, 0.95,
        [
            new ComparedMetric(null, "roc_auc", [new VersionFigure(1, null, null, null), new VersionFigure(2, Value(0.7, 0.6, 0.8), null, null)]),
        ]);

        var text = ComparisonText.Render(report);

        Assert.EndsWith(
            "\n"
            + "         v1         v2 (baseline)\n"
            + "         Δ v1 − v2\n"
            + "roc_auc\n"
            + "  value  —          0.7000\n"
            + "                    [0.6000, 0.8000]\n"
            + "  Δ      —\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void RenderWide_OneLinePerMetric_WithEveryColumn()
    {
        var text = ComparisonText.RenderWide(Report(3));

        Assert.Equal(
            "compas-recidivism (67067f97732c), 95% intervals in brackets; deltas from the baseline from a paired bootstrap (B = 1,000, seed 20261126); * = significant (the interval excludes 0)\n"
            + "metric".PadRight(63) + "  v1 (baseline)            v2                       Δ v2 − v1                     v3                       Δ v3 − v1\n"
            + "accuracy".PadRight(63) + "  0.6773 [0.6663, 0.6882]  0.6742 [0.6634, 0.6853]  -0.0030 [-0.0094, +0.0031]    0.6742 [0.6634, 0.6853]  -0.0030 [-0.0094, +0.0031]\n"
            + "race x sex: " + LongestName + "  0.6644 [0.6421, 0.6892]  0.3403 [0.3109, 0.6242]  -0.3241 [-0.3484, -0.0369] *  0.3403 [0.3109, 0.6242]  -0.3241 [-0.3484, -0.0369] *\n",
            text);
    }

    [Fact]
    public void Render_OnlyTheNamedMetrics()
    {
        var text = ComparisonText.Render(Report(2), ["accuracy"]);

        Assert.Contains("\naccuracy\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(LongestName, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GroupBelowTheMinimum_OneLineInsteadOfRowsOfNothing()
    {
        var text = ComparisonText.Render(WithSmallGroup);

        Assert.DoesNotContain("group[Asian, Female]", text, StringComparison.Ordinal);
        Assert.EndsWith("\nnot compared: race x sex: Asian, Female (n = 2, below the minimum of 30: not reported)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FairnessRows_SayWhichPredictionEachFamilyCountsWithinTheWidth()
    {
        var text = ComparisonText.Render(WithSmallGroup);
        var overallOnly = ComparisonText.Render(WithSmallGroup, ["accuracy"]);

        Assert.EndsWith(
            "  Δ                        +0.0500 *\n"
            + "                           [+0.0100, +0.0900]\n"
            + "\n"
            + "Fairlearn metrics and the group rates count the positive prediction ŷ = 1 (two_year_recid = 1).\n"
            + "AIF360 metrics (aif360.*) count the favourable outcome ŷ = 0 (two_year_recid = 0: predicted not to\n"
            + "be charged again within two years), and compare the privileged group with every other row.\n"
            + "not compared: race x sex: Asian, Female (n = 2, below the minimum of 30: not reported)\n",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("AIF360", overallOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("not compared", overallOnly, StringComparison.Ordinal);
        Assert.EndsWith("                           [+0.0100, +0.0900]\n", overallOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderWide_NotesAfterTheTable_OneLineEach()
    {
        var lines = ComparisonText.RenderWide(WithSmallGroup).TrimEnd('\n').Split('\n');

        Assert.Equal(6, lines.Length);
        Assert.StartsWith("race: aif360.disparate_impact  0.7000 [0.6000, 0.8000]", lines[3], StringComparison.Ordinal);
        Assert.Equal(
            "Fairlearn metrics and the group rates count the positive prediction ŷ = 1 (two_year_recid = 1). AIF360 metrics (aif360.*) count "
            + "the favourable outcome ŷ = 0 (two_year_recid = 0: predicted not to be charged again within two years), and compare the privileged group with every other row.",
            lines[4]);
        Assert.Equal("not compared: race x sex: Asian, Female (n = 2, below the minimum of 30: not reported)", lines[5]);
    }

    /// <summary>A bias comparison of two versions with a group below the minimum size in its race x sex view.</summary>
    private static ComparisonReport WithSmallGroup { get; } = new(
        "compas-recidivism", new string('c', 64), 1, [1, 2], 1000, 7, 0.95,
        [
            Compared(null, "accuracy", null),
            Compared("race", "aif360.disparate_impact", null),
            Compared("race x sex", "group[Asian, Female].selection_rate", "n = 2, below the minimum of 30: not reported"),
            Compared("race x sex", "group[Asian, Female].false_positive_rate", "n = 2, below the minimum of 30: not reported"),
        ],
        SampleReports.Compas);

    private static ComparedMetric Compared(string? view, string name, string? notReported) => new(
        view,
        name,
        notReported is null
            ? [new VersionFigure(1, new MetricValue(name, 0.7, 0.6, 0.8, 1000, 0), null, null), new VersionFigure(2, new MetricValue(name, 0.75, 0.65, 0.85, 1000, 0), new MetricValue(name, 0.05, 0.01, 0.09, 1000, 0), true)]
            : [new VersionFigure(1, null, null, null), new VersionFigure(2, null, null, null)],
        notReported);

    /// <summary>Two metrics: accuracy (no significant delta) and the longest name the COMPAS suite compares, in its longest view.</summary>
    private static ComparisonReport Report(int versions)
    {
        var numbers = Enumerable.Range(1, versions).ToList();
        return new ComparisonReport("compas-recidivism", "67067f97732c" + new string('0', 52), 1, numbers, 1000, 20261126, 0.95,
        [
            new ComparedMetric(null, "accuracy", [.. numbers.Select(v => v == 1
                ? new VersionFigure(1, Value(0.6773, 0.6663, 0.6882), null, null)
                : new VersionFigure(v, Value(0.6742, 0.6634, 0.6853), Value(-0.0030, -0.0094, 0.0031), false))]),
            new ComparedMetric("race x sex", LongestName, [.. numbers.Select(v => v == 1
                ? new VersionFigure(1, Value(0.6644, 0.6421, 0.6892), null, null)
                : new VersionFigure(v, Value(0.3403, 0.3109, 0.6242), Value(-0.3241, -0.3484, -0.0369), true))]),
        ]);
    }

    private static MetricValue Value(double value, double lower, double upper) => new("m", value, lower, upper, 1000, 0);
}
