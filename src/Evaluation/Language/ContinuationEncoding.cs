namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Turns a context and a continuation into a <see cref="ScoringRequest"/> as lm-evaluation-harness does: spaces at the
/// end of the context move to the start of the continuation, the whole text is encoded once (so tokens that straddle
/// the boundary are the tokenizer's own), and the continuation is what follows the context's encoding alone. An empty
/// context leaves the beginning-of-sentence token alone as context, so every token of the text is scored.
/// </summary>
public static class ContinuationEncoding
{
    public static ScoringRequest Encode(TextTokenizer tokenizer, string context, string continuation)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(continuation);
        var trimmed = context.TrimEnd(' ');
        continuation = context[trimmed.Length..] + continuation;
        if (trimmed.Length == 0)
        {
            return new ScoringRequest([tokenizer.BeginningOfSentence, .. tokenizer.Encode(continuation, beginningOfSentence: false)], 1);
        }

        var whole = tokenizer.Encode(trimmed + continuation);
        var contextLength = tokenizer.Encode(trimmed).Length;
        return new ScoringRequest(whole, Math.Min(contextLength, whole.Length - 1));
    }
}
