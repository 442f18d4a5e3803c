namespace ModelGrid.Evaluation.Language;

/// <summary>
/// The summed natural-log likelihood of a continuation's tokens given what precedes each, accumulated in double from
/// the float logits; how many tokens it sums; and whether each was the model's most likely next token.
/// </summary>
public sealed record ContinuationScore(double LogLikelihood, int Tokens, bool IsGreedy);
