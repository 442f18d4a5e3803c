using System.Globalization;
using System.Security.Cryptography;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>What the language-model kinds share: the <c>tokenizer</c> and <c>batch-size</c> keys, the tokenizer's file, figures and comparisons of shares.</summary>
internal static class LanguageSuites
{
    public static string? ReadTokenizer(YamlObject section) => section.OptionalString("tokenizer");

    public static int ReadBatchSize(YamlObject section) => section.Int("batch-size", 16, 1, 4096);

    /// <summary>A list of whole numbers from 1 to <paramref name="max"/>, distinct; <paramref name="fallback"/> when the key is absent.</summary>
    public static IReadOnlyList<int> ReadPositiveInts(YamlObject section, string key, int[] fallback, int max)
    {
        if (!section.Has(key))
        {
            return fallback;
        }

        var values = new List<int>();
        foreach (var text in section.Strings(key))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max || values.Contains(value))
            {
                throw section.Error(key, $"must be a list of distinct whole numbers from 1 to {max}, not '{text}'");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw section.Error(key, "must not be empty");
    }

    public static BootstrapSpec ReadBootstrap(YamlObject root) =>
        root.Object("bootstrap") is { } bootstrap ? SuiteLoader.ReadBootstrap(bootstrap) : new BootstrapSpec(BootstrapOptions.MinimumReplicates, 0, 0.95);

    public static BootstrapOptions Options(BootstrapSpec spec) => new() { Replicates = spec.Replicates, Seed = spec.Seed, ConfidenceLevel = spec.ConfidenceLevel };

    /// <summary>The tokenizer the suite names (an artifact), else the one beside the model.</summary>
    /// <exception cref="SuiteDataException">There is none, or it cannot be read.</exception>
    public static async Task<TextTokenizer> TokenizerAsync(SuiteRun run, string? artifact, CancellationToken cancellationToken)
    {
        var path = artifact is not null
            ? await run.Artifacts.GetFileAsync(artifact, cancellationToken)
            : TextTokenizer.FindBeside(run.ModelPath)
                ?? throw new SuiteDataException($"suite {run.Suite.Spec.Name} names no tokenizer and none lies beside the model (tokenizer.model, tokenizer.json or a single *.model)");
        try
        {
            var tokenizer = TextTokenizer.Load(path, artifact);
            run.Log($"tokenizer {(artifact ?? Path.GetFileName(path))}: {tokenizer.VocabularySize} tokens");
            return tokenizer;
        }
        catch (InvalidDataException e)
        {
            throw new SuiteDataException(e.Message);
        }
    }

    public static List<MetricValue> Values(BootstrapResult result) => [.. result.Intervals.Select(i => SuiteRunner.Value(i, i.Metric))];

    /// <summary>A comparison of shares: every version's own figure, and each version's paired delta against the baseline.</summary>
    public static ComparisonReport Compare(Suite suite, IReadOnlyList<ComparedVersion> versions, int baseline, BootstrapSpec bootstrap, Func<ComparedVersion, ComparedVersion, BootstrapResult> paired)
    {
        foreach (var v in versions)
        {
            if (v.Report.SuiteDigest != suite.Digest)
            {
                throw new ArgumentException($"version {v.Version}'s result is for suite digest {v.Report.SuiteDigest[..12]}, not {suite.Digest[..12]}");
            }
        }

        var basis = versions.FirstOrDefault(v => v.Version == baseline) ?? throw new ArgumentException($"the baseline version {baseline} is not among the compared versions");
        var deltas = versions.Where(v => v.Version != baseline).ToDictionary(v => v.Version, v => paired(basis, v));
        var metrics = basis.Report.Metrics.Select(m => new ComparedMetric(null, m.Name, [.. versions.Select(v =>
        {
            var own = v.Report.Metric(m.Name);
            if (v.Version == baseline || !deltas.TryGetValue(v.Version, out var delta))
            {
                return new VersionFigure(v.Version, own, null, null);
            }

            var interval = delta[m.Name];
            var value = SuiteRunner.Value(interval, m.Name);
            return new VersionFigure(v.Version, own, value, double.IsNaN(interval.Lower) ? null : interval.ExcludesZero);
        })])).ToList();
        return new ComparisonReport(suite.Spec.Id, suite.Digest, baseline, [.. versions.Select(v => v.Version)], bootstrap.Replicates, bootstrap.Seed, bootstrap.ConfidenceLevel, metrics);
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
