using ModelGrid.Openness;
using ModelGrid.Testing;

namespace ModelGrid.Contracts.Tests.Openness;

/// <summary>The sample models' records the demo imports: what the repository really ships for each.</summary>
public sealed class SampleOpennessTests
{
    private static MofEvaluation Evaluate(string sample) =>
        MotData.Evaluate(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", sample, "openness.yaml")));

    [Fact]
    public void Evaluate_AdultIncome_ClassIIShortOfIntermediateParametersAndAPaper()
    {
        var result = Evaluate("adult-income");

        Assert.Equal(MofClass.ClassII, result.Class);
        Assert.Equal(12.0 / 14 * 100, result.Progress.ClassI);
        Assert.Equal(
            [new MofShortfall("Model parameters (Intermediate)", "not included"), new MofShortfall("Research paper", "not included")],
            result.MissingForNextClass);
    }

    [Fact]
    public void Evaluate_CompasRecidivism_ClassIIIBecauseItsDataHasNoLicence()
    {
        var result = Evaluate("compas-recidivism");

        Assert.Equal(MofClass.ClassIII, result.Class);
        Assert.Equal(90.0, result.Progress.ClassII);
        Assert.Equal([new MofShortfall("Evaluation data", "included without a licence")], result.MissingForNextClass);
    }
}
