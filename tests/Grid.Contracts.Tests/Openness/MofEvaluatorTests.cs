using ModelGrid.Openness;

namespace ModelGrid.Contracts.Tests.Openness;

public sealed class MofEvaluatorTests
{
    [Fact]
    public void Evaluate_Granite41_ClassIIIWithSixtyTowardsII()
    {
        var result = MotData.Evaluate(File.ReadAllText(MotData.ModelFile("Granite-4-1.yml")));

        Assert.Equal(MofClass.ClassIII, result.Class);
        Assert.Equal(new MofProgress(0, 60, 100), result.Progress);
        Assert.Equal(MofClass.ClassII, result.NextClass);
        Assert.Equal(
            [
                new MofShortfall("Training code", "not included"), new MofShortfall("Inference code", "not included"),
                new MofShortfall("Evaluation code", "not included"), new MofShortfall("Evaluation data", "not included"),
            ],
            result.MissingForNextClass);
    }

    [Fact]
    public void Evaluate_PolyglotKo_ClassIIWithoutIntermediateParameters()
    {
        var result = MotData.Evaluate(File.ReadAllText(MotData.ModelFile("Polyglot-Ko.yml")));

        Assert.Equal(MofClass.ClassII, result.Class);
        Assert.Equal(13.0 / 14 * 100, result.Progress.ClassI);
        Assert.Equal([new MofShortfall("Model parameters (Intermediate)", "not included")], result.MissingForNextClass);
    }

    [Fact]
    public void Evaluate_Amber_ClassIWithDataUnderMitFlagged()
    {
        var result = MotData.Evaluate(File.ReadAllText(MotData.ModelFile("Amber.yml")));

        Assert.Equal(MofClass.ClassI, result.Class);
        Assert.Null(result.NextClass);
        Assert.Empty(result.MissingForNextClass);
        Assert.Equal(["Model parameters (Final)", "Evaluation data", "Datasets", "Model parameters (Intermediate)"], result.NotTypeAppropriate);
    }

    [Fact]
    public void Evaluate_Mistral7BInstruct_PaperStandsInForUnlicensedReportButDataCardIsMissing()
    {
        var result = MotData.Evaluate(File.ReadAllText(MotData.ModelFile("Mistral-7B-Instruct-v0.1.yml")));

        Assert.Equal(MofClass.Unclassified, result.Class);
        Assert.Equal(5.0 / 6 * 100, result.Progress.ClassIII);
        Assert.Contains("Research paper", result.For(3).Included);
        Assert.Contains(new MofShortfall("Data card", "not included"), result.MissingForNextClass);
        Assert.DoesNotContain(result.MissingForNextClass, s => s.Component == "Technical report");
    }

    [Fact]
    public void Evaluate_WrongCaseLicence_IsInvalidAndNamedInTheShortfall()
    {
        var record = new OpennessRecord("x", null, null, new ReleaseLicenses(new ReleaseLicense("apache-2.0")),
            [.. MofComponents.Required(3).Select(c => new ComponentRelease(c.Name))]);

        var result = MofEvaluator.Evaluate(record, MotData.Catalog);

        Assert.Equal(MofClass.Unclassified, result.Class);
        Assert.Equal(6, result.For(3).Invalid.Count);
        Assert.Equal(new MofShortfall("Model architecture", "licence 'apache-2.0' is not an open licence"), result.MissingForNextClass[0]);
    }

    [Fact]
    public void Evaluate_NoComponents_ZeroEverywhere()
    {
        var result = MofEvaluator.Evaluate(new OpennessRecord("x", null, null, ReleaseLicenses.None, []), MotData.Catalog);

        Assert.Equal(new MofProgress(0, 0, 0), result.Progress);
        Assert.Equal(6, result.MissingForNextClass.Count);
    }

    [Fact]
    public void Evaluate_Every273CorpusFile_ExplainsEveryShortfall()
    {
        var distribution = new SortedDictionary<MofClass, int>();
        foreach (var file in MotData.ModelFiles)
        {
            var result = MotData.Evaluate(File.ReadAllText(file));
            distribution[result.Class] = distribution.GetValueOrDefault(result.Class) + 1;

            // Below Class I there is always something to name; every named component is one the next class needs.
            Assert.True(result.Class == MofClass.ClassI || result.MissingForNextClass.Count > 0, Path.GetFileName(file));
            Assert.Equal(result.Class == MofClass.ClassI, result.NextClass is null);
            Assert.All(result.MissingForNextClass, s => Assert.True(
                MofComponents.Get(s.Component).Class >= (int)result.NextClass!.Value || s.Reason.EndsWith("(it stands in for the technical report)", StringComparison.Ordinal),
                s.Component));
        }

        Assert.Equal("Unclassified: 242, ClassI: 14, ClassII: 1, ClassIII: 16", string.Join(", ", distribution.Select(d => $"{d.Key}: {d.Value}")));
    }

    [Fact]
    public void Normalized_UnknownComponent_ThrowsNamingIt()
    {
        var record = new OpennessRecord("x", null, null, ReleaseLicenses.None, [new ComponentRelease("Weights")]);

        var e = Assert.Throws<OpennessFormatException>(() => record.Normalized());
        Assert.StartsWith("'Weights' is not a Model Openness Framework component", e.Message, StringComparison.Ordinal);
    }
}
