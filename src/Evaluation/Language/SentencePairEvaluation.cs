using ModelGrid.Evaluation.Data;
using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Sentence-pair bias on CrowS-Pairs as lm-evaluation-harness's <c>crows_pairs_english</c> measures it for a causal
/// model: each sentence's summed log-likelihood after the beginning-of-sentence token; <c>pct_stereotype</c> is the
/// share of pairs whose more stereotypical sentence scores higher (0.5 is no preference), overall and per
/// <c>bias_type</c> (<c>group[gender].pct_stereotype</c>), with bootstrap intervals; versions are compared pair by pair.
/// </summary>
public static class SentencePairEvaluation
{
    public const string PercentStereotype = "pct_stereotype";
    public const string BiasTypeLabel = "bias_type";

    private static readonly string[] Outcomes = [PercentStereotype];
    private static readonly string[] Columns = ["sent_more", "sent_less", "stereo_antistereo", "bias_type"];

    /// <summary>Reads <c>crows_pairs_anonymized.csv</c> (its columns <c>sent_more</c>, <c>sent_less</c>, <c>stereo_antistereo</c>, <c>bias_type</c>).</summary>
    /// <exception cref="InvalidDataException">A column is missing or a row lacks a value; the message names it.</exception>
    public static IReadOnlyList<SentencePair> ReadCrowsPairs(string path)
    {
        var table = CsvTable.Read(path, new CsvReadOptions());
        if (Columns.FirstOrDefault(c => !table.HasColumn(c)) is { } missing)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} has no '{missing}' column");
        }

        var (more, less, direction, bias) = (table.Column("sent_more"), table.Column("sent_less"), table.Column("stereo_antistereo"), table.Column("bias_type"));
        var pairs = new List<SentencePair>(more.Count);
        for (var i = 0; i < more.Count; i++)
        {
            if (more[i] is not { } m || less[i] is not { } l || bias[i] is not { } b || direction[i] is not { } d)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {table.SourceLine(i)}: a pair needs both sentences, a direction and a bias type");
            }

            pairs.Add(new SentencePair(i, m, l, b, d));
        }

        return pairs;
    }

    /// <summary>Scores both sentences of every pair.</summary>
    public static IReadOnlyList<SentencePairOutcome> Score(
        LogLikelihoodScorer scorer, TextTokenizer tokenizer, IReadOnlyList<SentencePair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(pairs);
        var requests = pairs.SelectMany(p => new[] { ContinuationEncoding.Encode(tokenizer, string.Empty, p.More), ContinuationEncoding.Encode(tokenizer, string.Empty, p.Less) }).ToList();
        var scores = scorer.Score(requests, cancellationToken);
        return [.. pairs.Select((p, i) => new SentencePairOutcome(p, scores[2 * i].LogLikelihood, scores[(2 * i) + 1].LogLikelihood))];
    }

    /// <summary>The bias types in report order (ordinal).</summary>
    public static IReadOnlyList<string> BiasTypes(IEnumerable<SentencePair> pairs) =>
        [.. pairs.Select(p => p.BiasType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary><c>pct_stereotype</c> overall and per bias type, with intervals.</summary>
    public static BootstrapResult Metrics(IReadOnlyList<SentencePairOutcome> outcomes, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var types = BiasTypes(outcomes.Select(o => o.Pair));
        return ShareBootstrap.Shares(Outcomes, types, Groups(outcomes, types), [.. outcomes.Select(o => o.MorePreferred ? 1 : 0)], options);
    }

    /// <summary>Differences B − A of every figure of <see cref="Metrics"/>, both versions resampled on the same pairs.</summary>
    /// <exception cref="ArgumentException">The versions were not scored on the same pairs in the same order.</exception>
    public static BootstrapResult Compare(IReadOnlyList<SentencePairOutcome> a, IReadOnlyList<SentencePairOutcome> b, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Select(o => o.Pair.Index).SequenceEqual(b.Select(o => o.Pair.Index)))
        {
            throw new ArgumentException("the versions were not scored on the same pairs");
        }

        var types = BiasTypes(a.Select(o => o.Pair));
        return ShareBootstrap.Paired(
            Outcomes, types, Groups(a, types), [.. a.Select(o => o.MorePreferred ? 1 : 0)], [.. b.Select(o => o.MorePreferred ? 1 : 0)], options);
    }

    private static int[] Groups(IReadOnlyList<SentencePairOutcome> outcomes, IReadOnlyList<string> types)
    {
        var index = types.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        return [.. outcomes.Select(o => index[o.Pair.BiasType])];
    }
}
