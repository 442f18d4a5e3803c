using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>The throughput kind: one table of samples per second and latencies by threads and batch size.</summary>
public sealed class ThroughputPresentation : ISuiteKindPresentation
{
    private static readonly (string Name, string Title)[] Headers =
        [("samples_per_second", "samples/s"), ("latency_p50_ms", "p50 ms"), ("latency_p90_ms", "p90 ms"), ("latency_p99_ms", "p99 ms")];

    private ThroughputPresentation()
    {
    }

    /// <summary>The one instance.</summary>
    public static ThroughputPresentation Instance { get; } = new();

    /// <summary>The measures the throughput table shows, by name.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. Headers.Select(c => c.Name)];

    /// <inheritdoc />
    public SuiteKind Kind => SuiteKind.Throughput;

    /// <inheritdoc />
    public IReadOnlyCollection<string> ComparisonHeadline => [];

    /// <inheritdoc />
    public IReadOnlyList<string> Headline(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Metrics.Select(m => m.Name)];
    }

    /// <inheritdoc />
    public string Markdown(EvaluationReport report, int level, bool links)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Throughput!;
        var text = new StringBuilder();
        Summary(text, t);
        var measures = string.Join(" | ", Headers.Select(c => links ? MetricGlossary.Link(c.Name, c.Title) : c.Title));
        text.Append(CultureInfo.InvariantCulture, $"| threads | batch | {measures} | timed calls | settled |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var m in t.Measurements)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {m.Threads} | {m.BatchSize} | ");
            text.Append(m.Supported
                ? string.Create(CultureInfo.InvariantCulture, $"{m.SamplesPerSecond:F0} | {m.P50Ms:F4} | {m.P90Ms:F4} | {m.P99Ms:F4} | {m.Samples} | {(m.Stable ? "yes" : "no (unstable)")} |\n")
                : $"{m.NotSupportedReason} | | | | | |\n");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public IEnumerable<string> DefinedNames(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Metrics.Select(m => m.Name), .. Columns];
    }

    /// <inheritdoc />
    public IEnumerable<CardMetric> CardMetrics(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Metrics.Select(m => new CardMetric(m.Name, m));
    }

    /// <inheritdoc />
    public string CardTask(EvaluationReport report) => "throughput";

    /// <inheritdoc />
    /// <remarks>A throughput run reads no rows: its inputs are generated.</remarks>
    public long? CardRows(EvaluationReport report) => null;

    /// <inheritdoc />
    public string Text(EvaluationReport report, ReportTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var t = report.Throughput!;
        var text = new StringBuilder();
        Summary(text, t);
        var table = new TextTable(
            TextColumn.Number("threads"), TextColumn.Number("batch"), TextColumn.Number("samples/s"), TextColumn.Number("p50 ms"),
            TextColumn.Number("p90 ms"), TextColumn.Number("p99 ms"), TextColumn.Number("timed calls"), TextColumn.Text("settled"));
        foreach (var m in t.Measurements)
        {
            table.AddRow(m.Supported
                ? [m.Threads.ToString(CultureInfo.InvariantCulture), m.BatchSize.ToString(CultureInfo.InvariantCulture),
                    m.SamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture), m.P50Ms.ToString("F4", CultureInfo.InvariantCulture),
                    m.P90Ms.ToString("F4", CultureInfo.InvariantCulture), m.P99Ms.ToString("F4", CultureInfo.InvariantCulture),
                    m.Samples.ToString(CultureInfo.InvariantCulture), m.Stable ? "yes" : "no (unstable)"]
                : [m.Threads.ToString(CultureInfo.InvariantCulture), m.BatchSize.ToString(CultureInfo.InvariantCulture), null, null, null, null, null, options.Safe(m.NotSupportedReason)]);
        }

        text.Append(table.Render());
        return text.ToString();
    }

    private static void Summary(StringBuilder text, Runtime.ThroughputReport t) =>
        text.Append(CultureInfo.InvariantCulture, $"Provider {t.ActualProvider} (requested {t.RequestedProvider}); session created in {t.SessionCreationMs:F1} ms, first run {t.FirstRunMs:F2} ms; ")
            .Append(CultureInfo.InvariantCulture, $"peak working set {t.PeakWorkingSetBytes / (1024 * 1024)} MiB; seed {t.Seed}.\n\n");
}
