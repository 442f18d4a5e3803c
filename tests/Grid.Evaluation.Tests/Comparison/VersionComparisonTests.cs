using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Comparison;

public sealed class VersionComparisonTests
{
    [Fact]
    public async Task Compare_CompasV1AndV4_SmallGroupsAreNotComparedAndAif360UsesTheFavourableOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        var suite = Suite.Load(Path.Combine(MirrorArtifacts.SuitesFolder, "compas-recidivism"), MirrorArtifacts.Instance);
        var runner = new SuiteRunner(new OnnxSessionFactory(new SessionSettings()), MirrorArtifacts.Instance);
        var v1 = await runner.RunAsync(suite, MirrorArtifacts.SampleModel("compas-recidivism", 1), cancellationToken: ct);
        var v4 = await runner.RunAsync(suite, MirrorArtifacts.SampleModel("compas-recidivism", 4), cancellationToken: ct);
        var data = await SuiteData.LoadAsync(suite.Spec, MirrorArtifacts.Instance, ct);

        var report = VersionComparison.Compare(suite, data, [new(1, v1.Report, v1.Predictions!), new(4, v4.Report, v4.Predictions!)], 1);

        var small = report.Metrics.Single(m => m.View == "race x sex" && m.Name == "group[Asian, Female].selection_rate");
        Assert.Equal("n = 2, below the minimum of 30: not reported", small.NotReported);
        Assert.All(small.Figures, f => Assert.Null(f.Value));
        Assert.All(small.Figures, f => Assert.Null(f.Delta));
        var reported = report.Metrics.Single(m => m.View == "race x sex" && m.Name == "group[Asian, Male].selection_rate");
        Assert.Null(reported.NotReported);
        var di = report.Metrics.Single(m => m.View == "race" && m.Name == "aif360.disparate_impact");
        Assert.Equal(5_636_838.0 / 7_616_000, di.Figures[1].Value!.Value, 1e-12);
        Assert.Equal(FavourableOutcome.Negative, report.Outcomes!.Favourable);
    }
}
