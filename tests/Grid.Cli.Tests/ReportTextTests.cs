using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Client.Cli.Tests;

public sealed class ReportTextTests
{
    private const string Reason = "n = 2, below the minimum of 30: not reported";

    [Fact]
    public void Render_BiasReport_TwoGroupTablesWithinOneHundredColumns()
    {
        var text = ReportText.Render(Report());

        Assert.Equal(
            "7,214 rows, 3,251 positive; intervals: 95% percentile bootstrap, B = 1,000, seed 7; provider CPU.\n"
            + "\n"
            + "metric    value [interval]\n"
            + "accuracy  0.6500 [0.6400, 0.6600]\n"
            + "\n"
            + "Fairlearn metrics and the group rates count the positive prediction ŷ = 1 (two_year_recid = 1).\n"
            + "AIF360 metrics (aif360.*) count the favourable outcome ŷ = 0 (two_year_recid = 0: predicted not to\n"
            + "be charged again within two years), and compare the privileged group with every other row.\n"
            + "\n"
            + "By race x sex\n"
            + "\n"
            + "group                       n  positives  selection rate           accuracy\n"
            + "African-American, Male  3,000      1,500  0.5000 [0.4800, 0.5200]  0.6000 [0.5800, 0.6200]\n"
            + "Asian, Female               2          1  " + Reason + "\n"
            + "\n"
            + "group                   TPR                      FPR                      FNR\n"
            + "African-American, Male  0.7000 [0.6800, 0.7200]  0.4000 [0.3800, 0.4200]  0.3000 [0.2800, 0.3200]\n"
            + "Asian, Female           " + Reason + "\n"
            + "\n"
            + "disparity                                     value [interval]\n"
            + "demographic_parity_difference.between_groups  0.3000 [0.2000, 0.4000]\n"
            + "\n"
            + "Privileged group for the AIF360 metrics: Caucasian, Female.\n",
            text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Fact]
    public void Render_Wide_EveryRateOfAGroupOnOneLine()
    {
        var text = ReportText.Render(Report(), wide: true);

        Assert.Contains(
            "\nBy race x sex\n"
            + "\n"
            + "group                       n  positives  selection rate           TPR                      FPR                      FNR                      accuracy\n"
            + "African-American, Male  3,000      1,500  0.5000 [0.4800, 0.5200]  0.7000 [0.6800, 0.7200]  0.4000 [0.3800, 0.4200]  0.3000 [0.2800, 0.3200]  0.6000 [0.5800, 0.6200]\n"
            + "Asian, Female               2          1  " + Reason + "\n"
            + "\n"
            + "disparity  ",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NarrowerWidth_WrapsTheGroupNamesAtSpacesNotTheFigures()
    {
        var text = ReportText.Render(Report(), width: 85);

        Assert.Contains(
            "group                  n  positives  selection rate           accuracy\n"
            + "African-American,  3,000      1,500  0.5000 [0.4800, 0.5200]  0.6000 [0.5800, 0.6200]\n"
            + "Male\n"
            + "Asian, Female          2          1  " + Reason + "\n",
            text,
            StringComparison.Ordinal);
    }

    private static EvaluationReport Report() => new(
        "compas-recidivism", 1, new string('c', 64), SuiteKind.Bias, TaskKind.Binary, Evaluator.Version, new string('m', 64), 7214, 3251,
        [new MetricValue("accuracy", 0.65, 0.64, 0.66, 1000, 0)],
        [
            new FairnessView(
                "race x sex",
                ["race", "sex"],
                "Caucasian, Female",
                [
                    new GroupRow("African-American, Male", 3000, 1500, 1050, 600, 450, 900, true,
                    [
                        Rate("selection_rate", 0.5), Rate("true_positive_rate", 0.7), Rate("false_positive_rate", 0.4),
                        Rate("false_negative_rate", 0.3), Rate("accuracy", 0.6),
                    ]),
                    new GroupRow("Asian, Female", 2, 1, 0, 0, 1, 1, false, [], Reason),
                ],
                [new MetricValue("demographic_parity_difference.between_groups", 0.3, 0.2, 0.4, 1000, 0)],
                []),
        ],
        null,
        new BootstrapSpec(1000, 7, 0.95),
        new RunEnvironment("1.31.0", "CPU", "CPU", null, "test cpu", null, 2, 1, "linux", ".NET 10", "cpu"),
        new RunTimings(1, 2, 3, 4),
        [],
        new FairnessOutcomes("two_year_recid", ["1"], ["0"], FavourableOutcome.Negative, "predicted not to be charged again within two years"),
        []);

    private static MetricValue Rate(string name, double value) => new(name, value, value - 0.02, value + 0.02, 1000, 0);
}
