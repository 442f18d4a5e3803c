using System.Text;
using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Log-likelihood multiple choice as lm-evaluation-harness scores it: every choice is scored as the continuation of the
/// context; <c>acc</c> is the share of items whose right choice has the highest summed log-likelihood, <c>acc_norm</c>
/// the share whose right choice has the highest log-likelihood per byte of the choice (UTF-8; for ASCII choices the
/// harness's <c>len(choice)</c>). Both come overall and per subset with bootstrap intervals, and versions are compared
/// item by item.
/// </summary>
public static class MultipleChoiceEvaluation
{
    public const string Accuracy = "acc";
    public const string NormalizedAccuracy = "acc_norm";
    public const string SubsetLabel = "subset";

    private static readonly string[] Outcomes = [Accuracy, NormalizedAccuracy];

    /// <summary>Scores every choice of every item.</summary>
    public static IReadOnlyList<MultipleChoiceOutcome> Score(
        LogLikelihoodScorer scorer, TextTokenizer tokenizer, IReadOnlyList<MultipleChoiceItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(items);
        var requests = items.SelectMany(item => item.Choices.Select(choice => ContinuationEncoding.Encode(tokenizer, item.Context, choice))).ToList();
        var scores = scorer.Score(requests, cancellationToken);
        var outcomes = new List<MultipleChoiceOutcome>(items.Count);
        var next = 0;
        foreach (var item in items)
        {
            var lls = scores.Skip(next).Take(item.Choices.Count).Select(s => s.LogLikelihood).ToArray();
            next += item.Choices.Count;
            var chosen = ArgMax(lls);
            var normalized = ArgMax([.. lls.Select((ll, i) => ll / Encoding.UTF8.GetByteCount(item.Choices[i]))]);
            outcomes.Add(new MultipleChoiceOutcome(item, lls, chosen, normalized));
        }

        return outcomes;
    }

    /// <summary>The subsets in report order (ordinal).</summary>
    public static IReadOnlyList<string> Subsets(IEnumerable<MultipleChoiceItem> items) =>
        [.. items.Select(i => i.Subset).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary><c>acc</c> and <c>acc_norm</c>, overall and per subset (<c>group[{subset}].acc</c>), with intervals.</summary>
    public static BootstrapResult Metrics(IReadOnlyList<MultipleChoiceOutcome> outcomes, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var subsets = Subsets(outcomes.Select(o => o.Item));
        var groups = outcomes.Select(o => IndexOf(subsets, o.Item.Subset)).ToArray();
        var bits = outcomes.Select(Bits).ToArray();
        return ShareBootstrap.Shares(Outcomes, subsets, groups, bits, options);
    }

    /// <summary>Differences B − A of every figure of <see cref="Metrics"/>, both versions resampled on the same items.</summary>
    /// <exception cref="ArgumentException">The versions were not scored on the same items in the same order.</exception>
    public static BootstrapResult Compare(IReadOnlyList<MultipleChoiceOutcome> a, IReadOnlyList<MultipleChoiceOutcome> b, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Select(o => o.Item.Id).SequenceEqual(b.Select(o => o.Item.Id), StringComparer.Ordinal))
        {
            throw new ArgumentException("the versions were not scored on the same items");
        }

        var subsets = Subsets(a.Select(o => o.Item));
        var groups = a.Select(o => IndexOf(subsets, o.Item.Subset)).ToArray();
        return ShareBootstrap.Paired(Outcomes, subsets, groups, [.. a.Select(Bits)], [.. b.Select(Bits)], options);
    }

    internal static int ArgMax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static int Bits(MultipleChoiceOutcome outcome) => (outcome.Correct ? 1 : 0) | (outcome.CorrectNormalized ? 2 : 0);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not one of the groups");
    }
}
