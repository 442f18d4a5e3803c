namespace ModelGrid.Evaluation.Language;

/// <summary>
/// One CrowS-Pairs pair: its row index in the file, the more and the less stereotypical sentence, the bias type and
/// the direction the pair expresses (<c>stereo</c> or <c>antistereo</c>).
/// </summary>
public sealed record SentencePair(int Index, string More, string Less, string BiasType, string Direction);
