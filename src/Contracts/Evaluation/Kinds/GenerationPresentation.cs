using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>The generation kind: one table of first-token time, tokens per second and per-token latency by threads and batch size.</summary>
public sealed class GenerationPresentation : ISuiteKindPresentation
{
    private GenerationPresentation()
    {
    }

    /// <summary>The one instance.</summary>
    public static GenerationPresentation Instance { get; } = new();

    /// <inheritdoc />
    public SuiteKind Kind => LanguageKinds.Generation;

    /// <inheritdoc />
    public IReadOnlyCollection<string> ComparisonHeadline => [];

    /// <inheritdoc />
    public IReadOnlyList<string> Headline(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Metrics.Select(m => m.Name).Where(n => n.StartsWith("decode_tokens_per_second.", StringComparison.Ordinal) || n.StartsWith("time_to_first_token_ms.", StringComparison.Ordinal))];
    }

    /// <inheritdoc />
    public string Markdown(EvaluationReport report, int level, bool links)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(Summary(report)).Append("\n\n");
        var heads = string.Join(" | ", LanguageKinds.GenerationMeasures.Select(m => links ? MetricGlossary.Link(m.Name, m.Title) : m.Title));
        text.Append(CultureInfo.InvariantCulture, $"| threads | batch | {heads} |\n| ---: | ---: |{string.Concat(LanguageKinds.GenerationMeasures.Select(_ => " ---: |"))}\n");
        foreach (var (batch, threads) in Configurations(report))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {threads} | {batch} | ").Append(string.Join(" | ", Row(report, batch, threads))).Append(" |\n");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public IEnumerable<string> DefinedNames(EvaluationReport report) => [.. LanguageKinds.GenerationMeasures.Select(m => m.Name), LanguageKinds.GreedyCheck, LanguageKinds.PeakWorkingSet];

    /// <inheritdoc />
    public IEnumerable<CardMetric> CardMetrics(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Metrics.Select(m => new CardMetric(m.Name, m));
    }

    /// <inheritdoc />
    public string CardTask(EvaluationReport report) => "text-generation";

    /// <inheritdoc />
    /// <remarks>A generation run reads no rows: it decodes from its prompt.</remarks>
    public long? CardRows(EvaluationReport report) => null;

    /// <inheritdoc />
    public string Text(EvaluationReport report, ReportTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var table = new TextTable([TextColumn.Number("threads"), TextColumn.Number("batch"), .. LanguageKinds.GenerationMeasures.Select(m => TextColumn.Number(m.Title))]);
        foreach (var (batch, threads) in Configurations(report))
        {
            table.AddRow([threads.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture), .. Row(report, batch, threads)]);
        }

        return Summary(report) + "\n" + table.Render(options.Width);
    }

    private static string Summary(EvaluationReport report)
    {
        var check = report.Metric(LanguageKinds.GreedyCheck) is { Value: 1 } ? "the same tokens as" : "NOT the same tokens as";
        var peak = report.Metric(LanguageKinds.PeakWorkingSet) is { } p ? string.Create(CultureInfo.InvariantCulture, $"; peak working set {p.Value / (1 << 20):F0} MiB") : string.Empty;
        return $"Greedy decoding with the KV cache on {report.Environment.ActualProvider} ({report.Environment.Cpu}) gave {check} decoding the whole sequence each step{peak}.";
    }

    private static IEnumerable<(int Batch, int Threads)> Configurations(EvaluationReport report)
    {
        var prefix = LanguageKinds.GenerationMeasures[2].Name + ".batch_";
        foreach (var name in report.Metrics.Select(m => m.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var parts = name[prefix.Length..].Split(".threads_");
            yield return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }

    private static string?[] Row(EvaluationReport report, int batch, int threads) =>
        [.. LanguageKinds.GenerationMeasures.Select(m => report.Metric(LanguageKinds.At(m.Name, batch, threads)) is { } v ? v.Value.ToString(m.Format, CultureInfo.InvariantCulture) : "—")];
}
