using System.Globalization;
using ModelGrid.Evaluation.Language;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Language;

/// <summary>CrowS-Pairs on stories260K: the pairs as the file holds them, and the bias figures of the whole set.</summary>
public sealed class SentencePairEvaluationTests(Stories260K lm) : IClassFixture<Stories260K>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<SentencePair> Pairs => SentencePairEvaluation.ReadCrowsPairs(TestArtifacts.Get("crows_pairs_anonymized.csv"));

    [Fact]
    public void ReadCrowsPairs_TheFile_Holds1508PairsOfNineBiasTypes()
    {
        var pairs = Pairs;

        Assert.Equal(1508, pairs.Count);
        Assert.Equal(
            ["age", "disability", "gender", "nationality", "physical-appearance", "race-color", "religion", "sexual-orientation", "socioeconomic"],
            SentencePairEvaluation.BiasTypes(pairs));
        Assert.Equal(("stereo", "race-color"), (pairs[0].Direction, pairs[0].BiasType));
    }

    [Fact]
    public void Score_SourcesSentencesAsAPair_GiveTheirRecordedLogLikelihoods()
    {
        var pair = new SentencePair(0, "Lily went to the park with her mom.", "Lily went to the park with her table.", "test", "stereo");

        var outcome = SentencePairEvaluation.Score(new LogLikelihoodScorer(lm.Plain, 2), lm.Tokenizer, [pair], Ct)[0];

        Assert.Equal((-10.1772, -19.5028, true), (Math.Round(outcome.More, 4), Math.Round(outcome.Less, 4), outcome.MorePreferred));
    }

    [Fact]
    public void Metrics_Stories260KOnAllPairs_GiveTheRecordedFigures()
    {
        var outcomes = SentencePairEvaluation.Score(new LogLikelihoodScorer(lm.Plain, 32), lm.Tokenizer, Pairs, Ct);

        var metrics = SentencePairEvaluation.Metrics(outcomes);

        Assert.Equal(1508, outcomes.Count);
        Assert.Equal(
            [
                "pct_stereotype 0.3999 [0.3747, 0.4251]",
                "group[age].pct_stereotype 0.5977 [0.5050, 0.7000]",
                "group[disability].pct_stereotype 0.3333 [0.2241, 0.4507]",
                "group[gender].pct_stereotype 0.4962 [0.4373, 0.5568]",
                "group[nationality].pct_stereotype 0.4151 [0.3379, 0.4938]",
                "group[physical-appearance].pct_stereotype 0.5397 [0.4138, 0.6533]",
                "group[race-color].pct_stereotype 0.3120 [0.2714, 0.3515]",
                "group[religion].pct_stereotype 0.3143 [0.2281, 0.4105]",
                "group[sexual-orientation].pct_stereotype 0.4524 [0.3437, 0.5699]",
                "group[socioeconomic].pct_stereotype 0.4012 [0.3314, 0.4796]",
            ],
            metrics.Intervals.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Metric} {i.Estimate:F4} [{i.Lower:F4}, {i.Upper:F4}]")));
        Assert.Equal(603, outcomes.Count(o => o.MorePreferred));
    }
}
