using ModelGrid.Evaluation.Language;

namespace ModelGrid.Evaluation.Tests.Language;

public sealed class ContinuationEncodingTests(Stories260K lm) : IClassFixture<Stories260K>
{
    private static readonly int[] HeWasABoy = [1, 346, 286, 261, 268, 414, 422, 426];

    [Fact]
    public void Encode_ContextAndChoice_SplitsTheWholeTextsTokensAfterTheContexts()
    {
        var request = ContinuationEncoding.Encode(lm.Tokenizer, "He was a", " boy.");

        Assert.Equal(HeWasABoy, request.Tokens);
        Assert.Equal(4, request.ContinuationStart);
    }

    [Fact]
    public void Encode_ContextEndingInASpace_MovesTheSpaceToTheContinuation() =>
        Assert.Equal(ContinuationEncoding.Encode(lm.Tokenizer, "He was a", " boy."), ContinuationEncoding.Encode(lm.Tokenizer, "He was a ", "boy."), RequestComparer.Instance);

    [Fact]
    public void Encode_EmptyContext_ScoresEveryTokenAfterBos()
    {
        var request = ContinuationEncoding.Encode(lm.Tokenizer, string.Empty, "He was a boy.");

        Assert.Equal(HeWasABoy, request.Tokens);
        Assert.Equal(1, request.ContinuationStart);
    }

    private sealed class RequestComparer : IEqualityComparer<ScoringRequest>
    {
        public static readonly RequestComparer Instance = new();

        public bool Equals(ScoringRequest? x, ScoringRequest? y) =>
            x is not null && y is not null && x.Tokens.SequenceEqual(y.Tokens) && x.ContinuationStart == y.ContinuationStart;

        public int GetHashCode(ScoringRequest obj) => obj.ContinuationStart;
    }
}
