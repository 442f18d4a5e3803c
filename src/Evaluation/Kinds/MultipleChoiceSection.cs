using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>A multiple-choice suite's settings: its item file (beside <c>suite.yaml</c>) and that file's SHA-256, the tokenizer, the batch, the bootstrap.</summary>
/// <param name="Items">The JSON Lines item file's name, beside <c>suite.yaml</c>.</param>
/// <param name="ItemsSha256">The item file's SHA-256: checked before a run, and part of the suite digest.</param>
/// <param name="Tokenizer">The tokenizer as a declared artifact, or null for the one beside the model.</param>
/// <param name="BatchSize">Scoring rows per call.</param>
/// <param name="Bootstrap">The intervals' bootstrap.</param>
public sealed record MultipleChoiceSection(string Items, string ItemsSha256, string? Tokenizer, int BatchSize, BootstrapSpec Bootstrap);
