using System.Diagnostics;
using System.Globalization;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// Log-likelihood multiple choice on a causal language model (<see cref="MultipleChoiceEvaluation"/>): <c>acc</c> and
/// <c>acc_norm</c> overall and per subset with bootstrap intervals, versions compared item by item. Each item's answer
/// is stored as a row prediction: the label is the right choice, the prediction the <c>acc</c> choice, the score the
/// <c>acc_norm</c> choice.
/// </summary>
public sealed class MultipleChoiceKind : ISuiteKind
{
    private const string Section = "multiple-choice";

    private MultipleChoiceKind()
    {
    }

    /// <summary>The one instance.</summary>
    public static MultipleChoiceKind Instance { get; } = new();

    public SuiteKind Kind => LanguageKinds.MultipleChoice;

    public ISuiteKindPresentation Presentation => MultipleChoicePresentation.Instance;

    public ExecutionRequirement DefaultExecution => ExecutionRequirement.Cpu;

    public TimeSpan DefaultWallClock => TimeSpan.FromMinutes(30);

    public long DefaultMemoryBytes => 4L << 30;

    public bool MeasuresHardware => false;

    public SuiteSpec Read(SuiteHeader header, YamlObject root)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(root);
        var node = root.RequiredObject(Section);
        var items = node.RequiredString("items");
        if (Path.GetFileName(items) != items)
        {
            throw node.Error("items", "must be a file name beside suite.yaml");
        }

        var sha = node.RequiredString("items-sha256");
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            throw node.Error("items-sha256", "must be the item file's SHA-256 in lowercase hex");
        }

        var section = new MultipleChoiceSection(items, sha, LanguageSuites.ReadTokenizer(node), LanguageSuites.ReadBatchSize(node), LanguageSuites.ReadBootstrap(root));
        node.Done();
        return header.Spec(section);
    }

    public IReadOnlyList<string> Artifacts(SuiteSpec spec) => SectionOf(spec).Tokenizer is { } tokenizer ? [tokenizer] : [];

    public int LargestBatch(SuiteSpec spec) => SectionOf(spec).BatchSize;

    public Task<EvaluationOutcome> RunAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Task.Run(() => RunCoreAsync(run, cancellationToken), cancellationToken);
    }

    /// <remarks>Accuracy over the items (<c>acc</c>); higher is better.</remarks>
    public LeaderboardMetric? Leaderboard(SuiteSpec spec) =>
        new(LanguageKinds.Accuracy, null, HigherIsBetter: true, "Accuracy over the items (acc): the share answered with the most likely choice; higher is better.");

    public string? NotComparable(Suite suite) => null;

    public async Task<ComparisonReport> CompareAsync(Suite suite, IArtifactFiles artifacts, IReadOnlyList<ComparedVersion> versions, int baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(versions);
        var section = SectionOf(suite.Spec);
        var items = await ItemsAsync(suite, section, cancellationToken);
        return LanguageSuites.Compare(suite, versions, baseline, section.Bootstrap, (a, b) =>
            MultipleChoiceEvaluation.Compare(Outcomes(items, a), Outcomes(items, b), LanguageSuites.Options(section.Bootstrap)));
    }

    private static async Task<EvaluationOutcome> RunCoreAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var section = SectionOf(run.Suite.Spec);
        var items = await ItemsAsync(run.Suite, section, cancellationToken);
        var tokenizer = await LanguageSuites.TokenizerAsync(run, section.Tokenizer, cancellationToken);
        var loaded = clock.Elapsed.TotalMilliseconds;
        using var model = CausalLanguageModel.Open(run.Sessions, run.ModelPath, run.SessionSettings());
        var opened = clock.Elapsed.TotalMilliseconds;
        run.Log($"{items.Count} items, {items.Sum(i => i.Choices.Count)} choices, batch {section.BatchSize}");
        var outcomes = MultipleChoiceEvaluation.Score(new LogLikelihoodScorer(model, section.BatchSize), tokenizer, items, cancellationToken);
        var scored = clock.Elapsed.TotalMilliseconds;
        var metrics = MultipleChoiceEvaluation.Metrics(outcomes, LanguageSuites.Options(section.Bootstrap));
        run.Log(string.Create(CultureInfo.InvariantCulture, $"acc {metrics[LanguageKinds.Accuracy].Estimate:F4}, acc_norm {metrics[LanguageKinds.NormalizedAccuracy].Estimate:F4}"));
        var report = run.Report(items.Count, LanguageSuites.Values(metrics), run.Environment(model.Session), new RunTimings(loaded, opened - loaded, scored - opened, clock.Elapsed.TotalMilliseconds - scored), []);
        report = report with { Bootstrap = section.Bootstrap };
        var predictions = new RowPredictions(
            [.. outcomes.Select(o => o.Item.Id)], [.. outcomes.Select(o => o.Item.Answer)], [.. outcomes.Select(o => o.Chosen)], [.. outcomes.Select(o => (double)o.ChosenNormalized)]);
        return new EvaluationOutcome(report, predictions);
    }

    private static async Task<IReadOnlyList<MultipleChoiceItem>> ItemsAsync(Suite suite, MultipleChoiceSection section, CancellationToken cancellationToken)
    {
        var folder = suite.Folder ?? throw new SuiteDataException($"suite {suite.Spec.Name} has no folder to read {section.Items} from");
        var path = Path.Combine(folder, section.Items);
        if (!File.Exists(path))
        {
            throw new SuiteDataException($"suite {suite.Spec.Name}: the item file {section.Items} is not beside suite.yaml");
        }

        var actual = await LanguageSuites.Sha256Async(path, cancellationToken);
        if (actual != section.ItemsSha256)
        {
            throw new SuiteDataException($"suite {suite.Spec.Name}: {section.Items} has sha256 {actual}, not the {section.ItemsSha256} suite.yaml declares");
        }

        try
        {
            return MultipleChoiceSet.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new SuiteDataException($"suite {suite.Spec.Name}: {e.Message}");
        }
    }

    /// <summary>A version's answers from its stored predictions, against the suite's items.</summary>
    private static List<MultipleChoiceOutcome> Outcomes(IReadOnlyList<MultipleChoiceItem> items, ComparedVersion version)
    {
        var p = version.Predictions;
        if (p.Count != items.Count || !p.Keys.SequenceEqual(items.Select(i => i.Id), StringComparer.Ordinal))
        {
            throw new ArgumentException($"version {version.Version}'s answers are not for this suite's items");
        }

        return [.. items.Select((item, i) => new MultipleChoiceOutcome(item, [], p.Predictions[i], (int)p.Scores[i]))];
    }

    private static MultipleChoiceSection SectionOf(SuiteSpec spec) =>
        spec?.Section as MultipleChoiceSection ?? throw new ArgumentException("not a multiple-choice suite", nameof(spec));
}
