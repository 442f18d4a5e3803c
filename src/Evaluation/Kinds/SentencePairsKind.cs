using System.Diagnostics;
using System.Globalization;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// Sentence-pair bias on CrowS-Pairs (<see cref="SentencePairEvaluation"/>): <c>pct_stereotype</c> overall and per bias
/// type with bootstrap intervals, versions compared pair by pair. Each pair is stored as a row prediction: the key is
/// its row in the file, the label 1 (the more stereotypical sentence), the prediction 1 when that sentence scores
/// higher, the score the difference of the two log-likelihoods.
/// </summary>
public sealed class SentencePairsKind : ISuiteKind
{
    private const string Section = "sentence-pairs";

    private SentencePairsKind()
    {
    }

    /// <summary>The one instance.</summary>
    public static SentencePairsKind Instance { get; } = new();

    public SuiteKind Kind => LanguageKinds.SentencePairs;

    public ISuiteKindPresentation Presentation => SentencePairsPresentation.Instance;

    public ExecutionRequirement DefaultExecution => ExecutionRequirement.Cpu;

    public TimeSpan DefaultWallClock => TimeSpan.FromMinutes(30);

    public long DefaultMemoryBytes => 4L << 30;

    public bool MeasuresHardware => false;

    public SuiteSpec Read(SuiteHeader header, YamlObject root)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(root);
        var node = root.RequiredObject(Section);
        var section = new SentencePairsSection(node.RequiredString("pairs"), LanguageSuites.ReadTokenizer(node), LanguageSuites.ReadBatchSize(node), LanguageSuites.ReadBootstrap(root));
        node.Done();
        return header.Spec(section);
    }

    public IReadOnlyList<string> Artifacts(SuiteSpec spec)
    {
        var section = SectionOf(spec);
        return section.Tokenizer is { } tokenizer ? [section.Pairs, tokenizer] : [section.Pairs];
    }

    public int LargestBatch(SuiteSpec spec) => SectionOf(spec).BatchSize;

    public Task<EvaluationOutcome> RunAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Task.Run(() => RunCoreAsync(run, cancellationToken), cancellationToken);
    }

    public string? NotComparable(Suite suite) => null;

    public async Task<ComparisonReport> CompareAsync(Suite suite, IArtifactFiles artifacts, IReadOnlyList<ComparedVersion> versions, int baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(artifacts);
        var section = SectionOf(suite.Spec);
        var pairs = await PairsAsync(artifacts, section, cancellationToken);
        return LanguageSuites.Compare(suite, versions, baseline, section.Bootstrap, (a, b) =>
            SentencePairEvaluation.Compare(Outcomes(pairs, a), Outcomes(pairs, b), LanguageSuites.Options(section.Bootstrap)));
    }

    private static async Task<EvaluationOutcome> RunCoreAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var section = SectionOf(run.Suite.Spec);
        var pairs = await PairsAsync(run.Artifacts, section, cancellationToken);
        var tokenizer = await LanguageSuites.TokenizerAsync(run, section.Tokenizer, cancellationToken);
        var loaded = clock.Elapsed.TotalMilliseconds;
        using var model = CausalLanguageModel.Open(run.Sessions, run.ModelPath, run.SessionSettings());
        var opened = clock.Elapsed.TotalMilliseconds;
        run.Log($"{pairs.Count} sentence pairs, batch {section.BatchSize}");
        var outcomes = SentencePairEvaluation.Score(new LogLikelihoodScorer(model, section.BatchSize), tokenizer, pairs, cancellationToken);
        var scored = clock.Elapsed.TotalMilliseconds;
        var metrics = SentencePairEvaluation.Metrics(outcomes, LanguageSuites.Options(section.Bootstrap));
        run.Log(string.Create(CultureInfo.InvariantCulture, $"pct_stereotype {metrics[LanguageKinds.PercentStereotype].Estimate:F4} over {outcomes.Count} pairs"));
        var report = run.Report(outcomes.Count, LanguageSuites.Values(metrics), run.Environment(model.Session), new RunTimings(loaded, opened - loaded, scored - opened, clock.Elapsed.TotalMilliseconds - scored), []);
        report = report with { Bootstrap = section.Bootstrap };
        var predictions = new RowPredictions(
            [.. outcomes.Select(o => o.Pair.Index.ToString(CultureInfo.InvariantCulture))],
            [.. outcomes.Select(_ => 1)],
            [.. outcomes.Select(o => o.MorePreferred ? 1 : 0)],
            [.. outcomes.Select(o => o.More - o.Less)]);
        return new EvaluationOutcome(report, predictions);
    }

    private static async Task<IReadOnlyList<SentencePair>> PairsAsync(IArtifactFiles artifacts, SentencePairsSection section, CancellationToken cancellationToken)
    {
        var path = await artifacts.GetFileAsync(section.Pairs, cancellationToken);
        try
        {
            return SentencePairEvaluation.ReadCrowsPairs(path);
        }
        catch (InvalidDataException e)
        {
            throw new SuiteDataException(e.Message);
        }
    }

    /// <summary>A version's preferences from its stored predictions, against the suite's pairs.</summary>
    private static List<SentencePairOutcome> Outcomes(IReadOnlyList<SentencePair> pairs, ComparedVersion version)
    {
        var p = version.Predictions;
        if (p.Count != pairs.Count || !p.Keys.SequenceEqual(pairs.Select(x => x.Index.ToString(CultureInfo.InvariantCulture)), StringComparer.Ordinal))
        {
            throw new ArgumentException($"version {version.Version}'s preferences are not for this suite's pairs");
        }

        // Only the preference enters pct_stereotype; the stored difference keeps its sign.
        return [.. pairs.Select((pair, i) => new SentencePairOutcome(pair, p.Predictions[i], 1 - p.Predictions[i]))];
    }

    private static SentencePairsSection SectionOf(SuiteSpec spec) =>
        spec?.Section as SentencePairsSection ?? throw new ArgumentException("not a sentence-pairs suite", nameof(spec));
}
