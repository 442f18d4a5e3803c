using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>A sentence-pair suite's settings: the CrowS-Pairs file (a declared artifact), the tokenizer, the batch, the bootstrap.</summary>
/// <param name="Pairs">The pairs' artifact (<c>crows_pairs_anonymized.csv</c>).</param>
/// <param name="Tokenizer">The tokenizer as a declared artifact, or null for the one beside the model.</param>
/// <param name="BatchSize">Scoring rows per call.</param>
/// <param name="Bootstrap">The intervals' bootstrap.</param>
public sealed record SentencePairsSection(string Pairs, string? Tokenizer, int BatchSize, BootstrapSpec Bootstrap);
