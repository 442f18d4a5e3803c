namespace ModelGrid.Evaluation.Kinds;

/// <summary>A generation suite's settings.</summary>
/// <param name="Tokenizer">The tokenizer as a declared artifact, or null for the one beside the model.</param>
/// <param name="Prompt">The prompt every row decodes from (encoded after the beginning-of-sentence token).</param>
/// <param name="BatchSizes">Rows decoded together.</param>
/// <param name="Threads">Intra-op thread counts.</param>
/// <param name="NewTokens">Tokens generated per row in each measured generation.</param>
/// <param name="Warmup">Untimed generations per configuration.</param>
/// <param name="Measured">Measured generations per configuration.</param>
/// <param name="CheckTokens">Tokens of the check of cached decoding against full-sequence decoding.</param>
public sealed record GenerationSection(string? Tokenizer, string Prompt, IReadOnlyList<int> BatchSizes, IReadOnlyList<int> Threads, int NewTokens, int Warmup, int Measured, int CheckTokens);
