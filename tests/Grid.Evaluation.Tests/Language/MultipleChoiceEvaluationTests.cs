using System.Globalization;
using ModelGrid.Evaluation.Language;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Language;

/// <summary>Log-likelihood multiple choice on stories260K with the project's own item set (<c>eval-suites/stories-choice</c>).</summary>
public sealed class MultipleChoiceEvaluationTests(Stories260K lm) : IClassFixture<Stories260K>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ItemsPath => Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "stories-choice", "items.jsonl");

    [Fact]
    public void Read_TheProjectsItemSet_Holds40ItemsInThreeSubsets()
    {
        var items = MultipleChoiceSet.Read(ItemsPath);

        Assert.Equal(40, items.Count);
        Assert.Equal(["grammar", "people-and-animals", "story-words"], MultipleChoiceEvaluation.Subsets(items));
        Assert.Equal(new MultipleChoiceItem("story-02", "story-words", "One day, Lily went to the", [" seven", " slowly", " park"], 2), items[1], ItemComparer.Instance);
    }

    [Fact]
    public void Score_ChoicesOfTheSourcesSentences_PickTheLikelierAndKeepEachLogLikelihood()
    {
        var item = new MultipleChoiceItem("t", "s", "Lily went to the park with her", [" table.", " mom."], 1);

        var outcome = MultipleChoiceEvaluation.Score(new LogLikelihoodScorer(lm.Plain, 4), lm.Tokenizer, [item], Ct)[0];

        // The sentences' totals of SOURCES.md less the shared context's log-likelihood.
        Assert.Equal(-19.5028 + 10.1772, Math.Round(outcome.LogLikelihoods[0] - outcome.LogLikelihoods[1], 4), 4);
        Assert.Equal((1, 1, true, true), (outcome.Chosen, outcome.ChosenNormalized, outcome.Correct, outcome.CorrectNormalized));
    }

    [Fact]
    public void Score_NormalisedByBytes_CanPickALongerChoiceThanTheRawSum()
    {
        var outcome = new MultipleChoiceOutcome(new MultipleChoiceItem("t", "s", "c", [" a", " abcdef"], 1), [-2.0, -4.0], 0, MultipleChoiceEvaluation.ArgMax([-2.0 / 2, -4.0 / 7]));

        Assert.Equal((false, true), (outcome.Correct, outcome.CorrectNormalized));
    }

    [Fact]
    public void Metrics_Stories260KOnTheItemSet_GiveTheRecordedFigures()
    {
        var outcomes = MultipleChoiceEvaluation.Score(new LogLikelihoodScorer(lm.Plain, 16), lm.Tokenizer, MultipleChoiceSet.Read(ItemsPath), Ct);

        var metrics = MultipleChoiceEvaluation.Metrics(outcomes);

        Assert.Equal(
            [
                "acc 0.7750 [0.6494, 0.9000]",
                "acc_norm 0.8500 [0.7250, 0.9500]",
                "group[grammar].acc 0.7857 [0.5000, 1.0000]",
                "group[grammar].acc_norm 0.8571 [0.6364, 1.0000]",
                "group[people-and-animals].acc 0.5000 [0.2217, 0.7783]",
                "group[people-and-animals].acc_norm 0.6667 [0.3996, 0.9091]",
                "group[story-words].acc 1.0000 [1.0000, 1.0000]",
                "group[story-words].acc_norm 1.0000 [1.0000, 1.0000]",
            ],
            metrics.Intervals.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Metric} {i.Estimate:F4} [{i.Lower:F4}, {i.Upper:F4}]")));
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"subset\":\"s\",\"context\":\"c\",\"choices\":[\" x\"],\"answer\":0}", "items.jsonl line 1: choices must be two or more non-empty strings")]
    [InlineData("{\"id\":\"a\",\"subset\":\"s\",\"context\":\"c\",\"choices\":[\" x\",\" y\"],\"answer\":2}", "items.jsonl line 1: answer must be the index of a choice, 0 to 1")]
    [InlineData("{\"id\":\"a\",\"subset\":\"s\",\"context\":\"c\",\"choices\":[\" x\",\" y\"],\"answer\":0,\"gold\":1}", "items.jsonl line 1: not an item object")]
    [InlineData("{\"id\":\"a,b\",\"subset\":\"s\",\"context\":\"c\",\"choices\":[\" x\",\" y\"],\"answer\":0}", "items.jsonl line 1: an id holds no comma or line break")]
    [InlineData("\n{\"subset\":\"s\",\"context\":\"c\",\"choices\":[\" x\",\" y\"],\"answer\":0}", "items.jsonl line 2: id, subset and context are required")]
    public void Read_ItemThatBreaksTheFormat_IsRefusedNamingTheLine(string content, string expected)
    {
        var path = Path.Combine(TestPaths.NewTempFolder("items"), "items.jsonl");
        File.WriteAllText(path, content);

        Assert.StartsWith(expected, Assert.Throws<InvalidDataException>(() => MultipleChoiceSet.Read(path)).Message, StringComparison.Ordinal);
    }

    private sealed class ItemComparer : IEqualityComparer<MultipleChoiceItem>
    {
        public static readonly ItemComparer Instance = new();

        public bool Equals(MultipleChoiceItem? x, MultipleChoiceItem? y) =>
            x is not null && y is not null && (x.Id, x.Subset, x.Context, x.Answer) == (y.Id, y.Subset, y.Context, y.Answer) && x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(MultipleChoiceItem obj) => obj.Answer;
    }
}
