using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Suites;

public sealed class SuiteCatalogTests
{
    [Fact]
    public void LoadAll_EvalSuitesFolder_LoadsEveryShippedSuite()
    {
        var suites = Suite.LoadAll(MirrorArtifacts.SuitesFolder, MirrorArtifacts.Instance);

        Assert.Equal(["adult-income", "compas-recidivism", "crows-pairs", "generation-cpu", "mnist-accuracy", "stories-choice", "throughput-cpu"], suites.Select(s => s.Spec.Id));
        Assert.All(suites, s =>
        {
            Assert.Matches("^[0-9a-f]{64}$", s.Digest);
            Assert.NotNull(s.DataCard);
            Assert.StartsWith("---\n", s.DataCard);
        });
    }

    [Fact]
    public void LoadAll_ShippedSuites_KeepTheirDigests()
    {
        // Recorded jobs and their dedup keys name these digests: a change to the spec's shape must not move them.
        // compas-recidivism moved from 67067f97732c… when it declared its favourable outcome, which changes its AIF360
        // figures; adult-income declares the positive label, the default, and keeps its digest.
        var digests = Suite.LoadAll(MirrorArtifacts.SuitesFolder, MirrorArtifacts.Instance).ToDictionary(s => s.Spec.Id, s => s.Digest);

        Assert.Equal("3b7206bc84f9a86bae62eb98f307e48cb01f249a0746a8549c093d311e1d75a3", digests["adult-income"]);
        Assert.Equal("056ab1c2f0f3bd83531be2ce3d494ae8d60a5fb5dfc88268dd4c739c051a6981", digests["compas-recidivism"]);
        Assert.Equal("fe75a1c3d85a3d8afd6dd524d46510d0fac7a400da1493d7887008e18565d58f", digests["mnist-accuracy"]);
        Assert.Equal("58d0fd93af2d5df2ec0e917f126cc5c43e359c8c4e873b87826c3987605d6b95", digests["throughput-cpu"]);
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
    public void Load_BiasSuites_DeclareTheirFavourableOutcome()
    {
        var suites = Suite.LoadAll(MirrorArtifacts.SuitesFolder, MirrorArtifacts.Instance).ToDictionary(s => s.Spec.Id);

        var compas = suites["compas-recidivism"].Spec.Fairness!;
        Assert.Equal(FavourableOutcome.Negative, compas.Favourable);
        Assert.Equal("predicted not to be charged again within two years", compas.FavourableMeaning);
        Assert.Equal(FavourableOutcome.Positive, suites["adult-income"].Spec.Fairness!.Favourable);
    }

    [Fact]
    public void Load_SameFolderTwice_GivesTheSameDigest()
    {
        var folder = Path.Combine(MirrorArtifacts.SuitesFolder, "compas-recidivism");

        Assert.Equal(Suite.Load(folder, MirrorArtifacts.Instance).Digest, Suite.Load(folder, MirrorArtifacts.Instance).Digest);
    }
}
