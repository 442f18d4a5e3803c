using ModelGrid.Evaluation.Data;
using ModelGrid.Evaluation.Language;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Language;

/// <summary>Log-likelihoods of stories260K against <c>shared/models/lm/SOURCES.md</c>, and their independence of the batch.</summary>
public sealed class LogLikelihoodScorerTests(Stories260K lm) : IClassFixture<Stories260K>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Score_SourcesSentences_GiveTheRecordedLogLikelihoods(bool cachedGraph)
    {
        var scorer = new LogLikelihoodScorer(cachedGraph ? lm.Cached : lm.Plain, 4);
        string[] sentences = ["Lily went to the park with her mom.", "Lily went to the park with her table.", "He was a boy.", "He was a girl."];

        var scores = scorer.Score([.. sentences.Select(Sentence)], Ct);

        Assert.Equal([-10.1772, -19.5028, -18.9524, -20.8669], scores.Select(s => Math.Round(s.LogLikelihood, 4)));
        Assert.Equal([12, 15, 7, 7], scores.Select(s => s.Tokens));
    }

    [Fact]
    public void Score_NextTokenAfterOnceUponATime_IsACommaWithProbabilityOf0969()
    {
        var context = lm.Tokenizer.Encode("Once upon a time");
        var comma = lm.Tokenizer.Encode("Once upon a time,")[^1];
        var there = lm.Tokenizer.Encode("Once upon a time there")[^1];

        var scores = new LogLikelihoodScorer(lm.Plain, 2).Score([new([.. context, comma], context.Length), new([.. context, there], context.Length)], Ct);

        Assert.Equal((0.969, true), (Math.Round(Math.Exp(scores[0].LogLikelihood), 3), scores[0].IsGreedy));
        Assert.Equal((0.029, false), (Math.Round(Math.Exp(scores[1].LogLikelihood), 3), scores[1].IsGreedy));
    }

    [Fact]
    public void Score_SameItemsAtBatch1And7And32_GiveBitIdenticalSums()
    {
        var requests = CrowsSentences(96);
        Assert.True(requests.Select(r => new LogLikelihoodScorer(lm.Plain, 1).PaddedLength(r.Tokens.Length)).Distinct().Count() >= 3, "the items span several padded lengths");

        int[] batches = [1, 7, 32];
        var sums = batches.Select(batch => new LogLikelihoodScorer(lm.Plain, batch).Score(requests, Ct).Select(s => BitConverter.DoubleToInt64Bits(s.LogLikelihood)).ToArray()).ToArray();

        Assert.Equal(sums[0], sums[1]);
        Assert.Equal(sums[0], sums[2]);
    }

    [Fact]
    public void Score_SameItemsOnTheCachedGraph_GiveTheSameSumsAsThePlainOne()
    {
        var requests = CrowsSentences(24);

        var plain = new LogLikelihoodScorer(lm.Plain, 8).Score(requests, Ct);
        var cached = new LogLikelihoodScorer(lm.Cached, 8).Score(requests, Ct);

        Assert.Equal(plain.Select(s => Math.Round(s.LogLikelihood, 4)), cached.Select(s => Math.Round(s.LogLikelihood, 4)));
    }

    [Fact]
    public void Score_RequestWithoutContext_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new LogLikelihoodScorer(lm.Plain, 1).Score([new([5, 6], 0)], Ct));

        Assert.Equal("request 0 needs at least one context token and one continuation token (2 tokens, continuation from 0)", error.Message);
    }

    [Fact]
    public void Score_TokenOutsideTheVocabulary_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new LogLikelihoodScorer(lm.Plain, 1).Score([new([1, 2], 1), new([1, 512], 1)], Ct));

        Assert.Equal("request 1 holds a token id outside the vocabulary of 512", error.Message);
    }

    [Fact]
    public void PaddedLength_IsTheRowsOwnLengthRoundedUpTo16()
    {
        int[] lengths = [1, 16, 17, 33];

        Assert.Equal([16, 16, 32, 48], lengths.Select(new LogLikelihoodScorer(lm.Plain, 1).PaddedLength));
    }

    private ScoringRequest Sentence(string text) => new(lm.Tokenizer.Encode(text), 1);

    private ScoringRequest[] CrowsSentences(int count)
    {
        var table = CsvTable.Read(TestArtifacts.Get("crows_pairs_anonymized.csv"), new CsvReadOptions());
        return [.. table.Column("sent_more").Zip(table.Column("sent_less")).SelectMany(p => new[] { p.First!, p.Second! }).Take(count).Select(Sentence)];
    }
}
