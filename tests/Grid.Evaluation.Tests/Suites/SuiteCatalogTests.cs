using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Suites;

public sealed class SuiteCatalogTests
{
    [Fact]
    public void LoadAll_EvalSuitesFolder_LoadsEveryShippedSuite()
    {
        var suites = Suite.LoadAll(MirrorArtifacts.SuitesFolder, MirrorArtifacts.Instance);

        Assert.Equal(["adult-income", "compas-recidivism", "mnist-accuracy", "throughput-cpu"], suites.Select(s => s.Spec.Id));
        Assert.All(suites, s =>
        {
            Assert.Matches("^[0-9a-f]{64}$", s.Digest);
            Assert.NotNull(s.DataCard);
            Assert.StartsWith("---\n", s.DataCard);
        });
    }

    [Fact]
    public void Load_AdultIncome_DeclaresEverythingItReads()
    {
        var suite = Suite.Load(Path.Combine(MirrorArtifacts.SuitesFolder, "adult-income"), MirrorArtifacts.Instance);

        Assert.Equal(SuiteKind.Bias, suite.Spec.Kind);
        Assert.Equal(["adult-test.csv"], suite.Artifacts.Select(a => a.Name));
        Assert.Equal([">50K."], suite.Spec.Data.Label!.Positive);
        Assert.Equal(["sex", "race"], suite.Spec.Fairness!.Sensitive.Select(s => s.Column));
        Assert.Equal([["sex", "race"]], suite.Spec.Fairness.Intersections);
        Assert.Equal("White", suite.Spec.Fairness.Sensitive[1].Privileged);
        Assert.Equal(1000, suite.Spec.Bootstrap!.Replicates);
    }

    [Fact]
    public void Load_SameFolderTwice_GivesTheSameDigest()
    {
        var folder = Path.Combine(MirrorArtifacts.SuitesFolder, "compas-recidivism");

        Assert.Equal(Suite.Load(folder, MirrorArtifacts.Instance).Digest, Suite.Load(folder, MirrorArtifacts.Instance).Digest);
    }
}
