using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Running;

/// <summary>
/// What a researcher reads in a COMPAS result of the vendor's rule (sample v4): AIF360 figures on the favourable
/// outcome the suite declares, and no figures for groups below the minimum size.
/// </summary>
public sealed class SuiteRunnerFairnessTests
{
    private const double Exact = 1e-12;

    private static readonly Lazy<Task<EvaluationReport>> Compas = new(async () =>
    {
        var runner = new SuiteRunner(new OnnxSessionFactory(new SessionSettings()), MirrorArtifacts.Instance);
        var suite = Suite.Load(Path.Combine(MirrorArtifacts.SuitesFolder, "compas-recidivism"), MirrorArtifacts.Instance);
        return (await runner.RunAsync(suite, MirrorArtifacts.SampleModel("compas-recidivism", 4))).Report;
    });

    [Fact]
    public async Task RunAsync_CompasVendorRule_DisparateImpactForRaceIsOnPredictedNotToReoffend()
    {
        var race = (await Compas.Value).Fairness.Single(v => v.Name == "race");

        // From ProPublica's counts: Caucasian 2,454 rows of which 1,600 predicted ŷ = 0; all others 4,760 of which 2,297.
        // (On ŷ = 1 the same rows give 2,463 / 4,760 over 854 / 2,454 = 1.4869, the figure that read the opposite way.)
        var di = race.Disparities.Single(d => d.Name == "aif360.disparate_impact");
        var spd = race.Disparities.Single(d => d.Name == "aif360.statistical_parity_difference");
        Assert.Equal(5_636_838.0 / 7_616_000, di.Value, Exact);
        Assert.InRange(di.Lower, 0.70, di.Value);
        Assert.InRange(di.Upper, di.Value, 0.78);
        Assert.Equal((2297.0 / 4760) - (1600.0 / 2454), spd.Value, Exact);
        var dpd = race.Disparities.Single(d => d.Name == "demographic_parity_difference.between_groups");
        Assert.Equal((2174.0 / 3696) - (79.0 / 377), dpd.Value, Exact);
    }

    [Fact]
    public async Task RunAsync_CompasVendorRule_SaysWhichPredictionEachFamilyCounts()
    {
        var report = await Compas.Value;

        var outcomes = report.Outcomes!;
        Assert.Equal("two_year_recid", outcomes.Column);
        Assert.Equal(["1"], outcomes.Positive);
        Assert.Equal(["0"], outcomes.Negative);
        Assert.Equal(FavourableOutcome.Negative, outcomes.Favourable);
        Assert.Equal("predicted not to be charged again within two years", outcomes.FavourableMeaning);
    }

    [Fact]
    public async Task RunAsync_CompasVendorRule_GroupsBelowTheMinimumHaveAReasonAndNoRates()
    {
        var report = await Compas.Value;

        var asianWomen = report.Fairness.Single(v => v.Name == "race x sex").Groups.Single(g => g.Group == "Asian, Female");
        Assert.False(asianWomen.Reported);
        Assert.Equal("n = 2, below the minimum of 30: not reported", asianWomen.Reason);
        Assert.Empty(asianWomen.Rates);
        Assert.Equal((2L, 1L), (asianWomen.Count, asianWomen.Positives));
        var nativeAmerican = report.Fairness.Single(v => v.Name == "race").Groups.Single(g => g.Group == "Native American");
        Assert.Equal("n = 18, below the minimum of 30: not reported", nativeAmerican.Reason);
        var asianMen = report.Fairness.Single(v => v.Name == "race x sex").Groups.Single(g => g.Group == "Asian, Male");
        Assert.True(asianMen.Reported);
        Assert.Null(asianMen.Reason);
        Assert.Equal(8, asianMen.Rates.Count);
    }

    [Fact]
    public async Task RunAsync_CompasVendorRule_WarnsOncePerUnreportedGroupAndCountsByKind()
    {
        var report = await Compas.Value;

        Assert.DoesNotContain(report.Warnings, w => w.Contains("group[Asian, Female]", StringComparison.Ordinal) || w.Contains("group[Native American", StringComparison.Ordinal));
        Assert.Contains("race x sex: The group 'Asian, Female': n = 2, below the minimum of 30: not reported, and kept out of the disparities.", report.Warnings);
        Assert.Equal(
            [new WarningCount(MetricWarningKind.SmallGroup, 4), new WarningCount(MetricWarningKind.UndefinedReplicates, 4)],
            report.WarningCounts);
        Assert.Equal(8, report.Warnings.Count);
    }

    [Fact]
    public async Task RunAsync_CompasVendorRule_EveryNameInTheReportIsExplained()
    {
        var report = await Compas.Value;

        var names = report.Metrics.Select(m => m.Name)
            .Concat(report.Fairness.SelectMany(v => v.Disparities.Select(d => d.Name)))
            .Concat(report.Fairness.SelectMany(v => v.Groups.SelectMany(g => g.Rates.Select(r => $"group[{g.Group}].{r.Name}"))))
            .ToList();

        Assert.True(names.Count > 300, $"{names.Count} names");
        Assert.All(names, name => Assert.NotNull(MetricGlossary.Explain(name)));
    }
}
