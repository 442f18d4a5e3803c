namespace ModelGrid.Evaluation.Language;

/// <summary>
/// How long a greedy generation took: time to first token (the prefill call and its pick), the decode steps after it
/// with their per-token percentiles (each step makes one token for every row), and the managed bytes the decode loop
/// allocated on its thread.
/// </summary>
public sealed record GenerationTimings
{
    public required int BatchSize { get; init; }

    public required int PromptTokens { get; init; }

    /// <summary>Tokens generated per row, the first (from the prefill) included.</summary>
    public required int NewTokens { get; init; }

    public required TimeSpan TimeToFirstToken { get; init; }

    /// <summary>All decode steps together (every token after the first).</summary>
    public required TimeSpan Decode { get; init; }

    public required double DecodeP50Ms { get; init; }

    public required double DecodeP90Ms { get; init; }

    public required double DecodeP99Ms { get; init; }

    /// <summary>Managed bytes allocated by the generating thread during the decode loop (0 when nothing is allocated per token).</summary>
    public required long DecodeManagedBytes { get; init; }

    /// <summary>Prompt tokens of every row per second of time to first token.</summary>
    public double PrefillTokensPerSecond => BatchSize * PromptTokens / TimeToFirstToken.TotalSeconds;

    /// <summary>Generated tokens of every row, after the first, per second of decoding.</summary>
    public double DecodeTokensPerSecond => NewTokens <= 1 ? double.NaN : BatchSize * (NewTokens - 1) / Decode.TotalSeconds;
}
