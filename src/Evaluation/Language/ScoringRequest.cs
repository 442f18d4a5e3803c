namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Token ids to score: the context (from the beginning-of-sentence token) followed by the continuation whose
/// log-likelihood is wanted, which starts at <see cref="ContinuationStart"/> (at least 1: the first token is only
/// ever conditioned on).
/// </summary>
public sealed record ScoringRequest(int[] Tokens, int ContinuationStart)
{
    /// <summary>The continuation's tokens.</summary>
    public int ContinuationLength => Tokens.Length - ContinuationStart;
}
