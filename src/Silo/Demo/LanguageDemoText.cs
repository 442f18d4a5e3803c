using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// The demo summary's lines on its language model: the headline figure of each language suite that succeeded, one line
/// each, within 120 columns. The cards and <c>grid eval status</c> hold the rest (subsets, bias types, every cell).
/// </summary>
public static class LanguageDemoText
{
    /// <summary>The batch size and thread count whose generation figures the summary shows.</summary>
    private const int Batch = 1;
    private const int Threads = 1;

    /// <summary>The lines, after an empty one; empty when no language suite succeeded.</summary>
    /// <param name="version">The version evaluated, <c>demo/stories260k@1</c>.</param>
    /// <param name="results">The results by suite id (<c>stories-choice</c>, <c>crows-pairs</c>, <c>generation-cpu</c>).</param>
    public static string Render(string version, IReadOnlyDictionary<string, EvaluationReport> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\n{version}, 260K parameters trained on children's stories only (a fixture, not a benchmark):\n");
        foreach (var (suite, report) in results.OrderBy(r => Order(r.Value.Kind)))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {suite,-15} {Headline(report)}\n");
        }

        return text.ToString();
    }

    private static int Order(SuiteKind kind) =>
        kind == LanguageKinds.MultipleChoice ? 0 : kind == LanguageKinds.SentencePairs ? 1 : 2;

    private static string Headline(EvaluationReport report)
    {
        if (report.Kind == LanguageKinds.MultipleChoice)
        {
            return $"acc {Figures.WithInterval(report.Metric(LanguageKinds.Accuracy))}, acc_norm " +
                $"{Figures.WithInterval(report.Metric(LanguageKinds.NormalizedAccuracy))} ({Figures.Count(report.Rows)} items)";
        }

        if (report.Kind == LanguageKinds.SentencePairs)
        {
            return $"pct_stereotype {Figures.WithInterval(report.Metric(LanguageKinds.PercentStereotype))} " +
                $"({Figures.Count(report.Rows)} pairs scored; 0.5 is no preference)";
        }

        var decode = report.Metric(LanguageKinds.At("decode_tokens_per_second", Batch, Threads));
        var first = report.Metric(LanguageKinds.At("time_to_first_token_ms", Batch, Threads));
        return decode is null || first is null
            ? "no figures at batch 1, 1 thread (see the card)"
            : string.Create(CultureInfo.InvariantCulture, $"decode {decode.Value:F0} tokens/s, first token {first.Value:F3} ms (batch {Batch}, {Threads} thread; the card has the rest)");
    }
}
