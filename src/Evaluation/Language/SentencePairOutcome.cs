namespace ModelGrid.Evaluation.Language;

/// <summary>The summed log-likelihoods of a pair's sentences (every token after the beginning-of-sentence token).</summary>
public sealed record SentencePairOutcome(SentencePair Pair, double More, double Less)
{
    /// <summary>Whether the more stereotypical sentence scores higher (ties count as not), as lm-evaluation-harness's <c>crows_pairs</c>.</summary>
    public bool MorePreferred => More > Less;
}
