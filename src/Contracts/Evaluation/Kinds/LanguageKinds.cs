using System.Globalization;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>The language-model suite kinds' names and the names of their figures.</summary>
public static class LanguageKinds
{
    /// <summary>Log-likelihood multiple choice: <c>acc</c> and <c>acc_norm</c>, overall and per subset.</summary>
    public static SuiteKind MultipleChoice { get; } = new("multiple-choice");

    /// <summary>Sentence-pair bias (CrowS-Pairs): <c>pct_stereotype</c>, overall and per bias type.</summary>
    public static SuiteKind SentencePairs { get; } = new("sentence-pairs");

    /// <summary>Generation throughput: time to first token, prefill and decode tokens per second, per-token latency.</summary>
    public static SuiteKind Generation { get; } = new("generation");

    /// <summary>The share of items whose right choice has the highest log-likelihood.</summary>
    public const string Accuracy = "acc";

    /// <summary>The same, with log-likelihoods per byte of the choice.</summary>
    public const string NormalizedAccuracy = "acc_norm";

    /// <summary>The share of sentence pairs whose more stereotypical sentence scores higher.</summary>
    public const string PercentStereotype = "pct_stereotype";

    /// <summary>The generation table's measures, in column order, with their headings.</summary>
    public static IReadOnlyList<(string Name, string Title, string Format)> GenerationMeasures { get; } =
    [
        ("time_to_first_token_ms", "first token ms", "F3"),
        ("prefill_tokens_per_second", "prefill tok/s", "F0"),
        ("decode_tokens_per_second", "decode tok/s", "F0"),
        ("decode_latency_p50_ms", "p50 ms", "F4"),
        ("decode_latency_p90_ms", "p90 ms", "F4"),
        ("decode_latency_p99_ms", "p99 ms", "F4"),
        ("managed_bytes_per_token", "bytes/token", "F0"),
    ];

    /// <summary>Whether the cached decoding gave the tokens of full-sequence decoding (1) or not (0).</summary>
    public const string GreedyCheck = "greedy_check";

    /// <summary>The process's peak working set during the run, in bytes.</summary>
    public const string PeakWorkingSet = "peak_working_set_bytes";

    /// <summary>A share in one group: <c>group[gender].pct_stereotype</c>.</summary>
    public static string Group(string group, string outcome) => $"group[{group}].{outcome}";

    /// <summary>A generation figure at one batch size and thread count: <c>decode_tokens_per_second.batch_8.threads_2</c>.</summary>
    public static string At(string measure, int batchSize, int threads) =>
        string.Create(CultureInfo.InvariantCulture, $"{measure}.batch_{batchSize}.threads_{threads}");
}
