using System.Diagnostics;
using System.Globalization;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// Generation throughput on a KV graph (<see cref="GenerationThroughput"/>): time to first token, prefill and decode
/// tokens per second, per-token decode latency and managed bytes per token, by batch size and thread count; the
/// cached decoding is checked against full-sequence decoding. Its figures depend on the hardware.
/// </summary>
public sealed class GenerationKind : ISuiteKind
{
    private const string Section = "generation";

    private GenerationKind()
    {
    }

    /// <summary>The one instance.</summary>
    public static GenerationKind Instance { get; } = new();

    public SuiteKind Kind => LanguageKinds.Generation;

    public ISuiteKindPresentation Presentation => GenerationPresentation.Instance;

    public ExecutionRequirement DefaultExecution => ExecutionRequirement.Cpu;

    public TimeSpan DefaultWallClock => TimeSpan.FromMinutes(15);

    public long DefaultMemoryBytes => 4L << 30;

    public bool MeasuresHardware => true;

    public SuiteSpec Read(SuiteHeader header, YamlObject root)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(root);
        var node = root.RequiredObject(Section);
        var section = new GenerationSection(
            LanguageSuites.ReadTokenizer(node),
            node.RequiredString("prompt"),
            LanguageSuites.ReadPositiveInts(node, "batch-sizes", [1, 8], 1024),
            LanguageSuites.ReadPositiveInts(node, "threads", [1, 2], 256),
            node.Int("new-tokens", 128, 2, 4096),
            node.Int("warmup", 1, 0, 100),
            node.Int("measured", 3, 1, 100),
            node.Int("check-tokens", 64, 1, 4096));
        node.Done();
        return header.Spec(section);
    }

    public IReadOnlyList<string> Artifacts(SuiteSpec spec) => SectionOf(spec).Tokenizer is { } tokenizer ? [tokenizer] : [];

    public int LargestBatch(SuiteSpec spec) => SectionOf(spec).BatchSizes.Max();

    public Task<EvaluationOutcome> RunAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Task.Run(() => RunCoreAsync(run, cancellationToken), cancellationToken);
    }

    public string? NotComparable(Suite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return $"suite {suite.Spec.Id} measures speed; compare versions on a multiple-choice or sentence-pairs suite";
    }

    public Task<ComparisonReport> CompareAsync(Suite suite, IArtifactFiles artifacts, IReadOnlyList<ComparedVersion> versions, int baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        throw new ArgumentException($"suite {suite.Spec.Name} measures speed; there are no per-row predictions to compare");
    }

    private static async Task<EvaluationOutcome> RunCoreAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var section = SectionOf(run.Suite.Spec);
        var tokenizer = await LanguageSuites.TokenizerAsync(run, section.Tokenizer, cancellationToken);
        var prompt = tokenizer.Encode(section.Prompt);
        var loaded = clock.Elapsed.TotalMilliseconds;
        var settings = new GenerationSettings
        {
            BatchSizes = section.BatchSizes,
            ThreadCounts = section.Threads,
            NewTokens = section.NewTokens,
            WarmupGenerations = section.Warmup,
            MeasuredGenerations = section.Measured,
            CheckTokens = section.CheckTokens,
        };
        var session = run.SessionSettings();
        var (measurements, matches, peak) = GenerationThroughput.Run(run.Sessions, run.ModelPath, session, prompt, settings, cancellationToken);
        var measured = clock.Elapsed.TotalMilliseconds;
        var metrics = new List<MetricValue> { Point(LanguageKinds.GreedyCheck, matches ? 1 : 0), Point(LanguageKinds.PeakWorkingSet, peak) };
        var warnings = new List<string>();
        if (!matches)
        {
            warnings.Add($"greedy decoding with the cache did not give the tokens of decoding the whole sequence over the first {section.CheckTokens} tokens");
        }

        foreach (var m in measurements)
        {
            if (!m.Supported)
            {
                run.Log($"threads {m.Threads}, batch {m.BatchSize}: {m.NotSupportedReason}");
                warnings.Add($"threads {m.Threads}, batch {m.BatchSize}: not supported: {m.NotSupportedReason}");
                continue;
            }

            run.Log(string.Create(CultureInfo.InvariantCulture, $"threads {m.Threads}, batch {m.BatchSize}: first token {m.TimeToFirstTokenMs:F3} ms, decode {m.DecodeTokensPerSecond:F0} tokens/s, {m.ManagedBytesPerToken:F0} managed bytes per token"));
            double[] values = [m.TimeToFirstTokenMs, m.PrefillTokensPerSecond, m.DecodeTokensPerSecond, m.DecodeP50Ms, m.DecodeP90Ms, m.DecodeP99Ms, m.ManagedBytesPerToken];
            metrics.AddRange(LanguageKinds.GenerationMeasures.Select((measure, i) => Point(LanguageKinds.At(measure.Name, m.BatchSize, m.Threads), values[i])));
        }

        using var probe = run.Sessions.Open(run.ModelPath, session);
        var environment = run.Environment(probe) with { IntraOpThreads = section.Threads.Max() };
        var report = run.Report(0, metrics, environment, new RunTimings(loaded, 0, measured - loaded, 0), warnings);
        return new EvaluationOutcome(report, null);
    }

    private static MetricValue Point(string name, double value) => new(name, value, double.NaN, double.NaN, 0, 0);

    private static GenerationSection SectionOf(SuiteSpec spec) =>
        spec?.Section as GenerationSection ?? throw new ArgumentException("not a generation suite", nameof(spec));
}
