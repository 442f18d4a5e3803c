using System.Diagnostics;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Measures greedy generation on a KV graph at every batch size and thread count (one session per thread count), after
/// checking that the cached decoding of the prompt gives the tokens of the decoding that feeds the whole sequence.
/// A graph that fixes its batch runs that batch only; other sizes are reported as not supported (DESIGN.md §9.6).
/// </summary>
public static class GenerationThroughput
{
    /// <summary>The measurements, in thread-then-batch order, whether the greedy check held, and the process's peak working set.</summary>
    /// <exception cref="ArgumentException">The graph has no KV cache, or the settings are out of range.</exception>
    public static (IReadOnlyList<GenerationMeasurement> Measurements, bool GreedyMatches, long PeakWorkingSetBytes) Run(
        OnnxSessionFactory factory, string modelPath, SessionSettings session, int[] prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(settings);
        Check(settings, prompt);
        var measurements = new List<GenerationMeasurement>();
        bool? matches = null;
        foreach (var threads in settings.ThreadCounts)
        {
            using var model = CausalLanguageModel.Open(factory, modelPath, session with { IntraOpThreads = threads });
            if (!model.Graph.HasCache)
            {
                throw new ArgumentException($"'{modelPath}' has no KV cache (past_key_values.* inputs); generation throughput needs one");
            }

            matches ??= CheckGreedy(model, prompt, settings.CheckTokens, cancellationToken);
            foreach (var batch in settings.BatchSizes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                measurements.Add(model.Graph.FixedBatch is { } fixedBatch && fixedBatch != batch
                    ? new GenerationMeasurement { Threads = threads, BatchSize = batch, Supported = false, NotSupportedReason = $"the graph fixes its batch at {fixedBatch}" }
                    : Measure(model, threads, batch, prompt, settings, cancellationToken));
            }
        }

        using var process = Process.GetCurrentProcess();
        return (measurements, matches ?? false, process.PeakWorkingSet64);
    }

    private static bool CheckGreedy(CausalLanguageModel model, int[] prompt, int tokens, CancellationToken cancellationToken)
    {
        using var generator = new GreedyGenerator(model, 1, prompt.Length, tokens);
        var cached = generator.Generate([prompt], cancellationToken).Rows[0];
        return cached.SequenceEqual(GreedyGenerator.WithoutCache(model, prompt, tokens, cancellationToken));
    }

    private static GenerationMeasurement Measure(CausalLanguageModel model, int threads, int batch, int[] prompt, GenerationSettings settings, CancellationToken cancellationToken)
    {
        using var generator = new GreedyGenerator(model, batch, prompt.Length, settings.NewTokens);
        var prompts = Enumerable.Repeat(prompt, batch).ToArray();
        for (var i = 0; i < settings.WarmupGenerations; i++)
        {
            generator.Generate(prompts, cancellationToken);
        }

        var runs = new List<GenerationTimings>();
        for (var i = 0; i < settings.MeasuredGenerations; i++)
        {
            runs.Add(generator.Generate(prompts, cancellationToken).Timings);
        }

        var decodedPerRun = (double)batch * (settings.NewTokens - 1);
        return new GenerationMeasurement
        {
            Threads = threads,
            BatchSize = batch,
            TimeToFirstTokenMs = Median(runs.Select(r => r.TimeToFirstToken.TotalMilliseconds)),
            PrefillTokensPerSecond = Median(runs.Select(r => r.PrefillTokensPerSecond)),
            DecodeTokensPerSecond = Median(runs.Select(r => r.DecodeTokensPerSecond)),
            DecodeP50Ms = Median(runs.Select(r => r.DecodeP50Ms)),
            DecodeP90Ms = Median(runs.Select(r => r.DecodeP90Ms)),
            DecodeP99Ms = Median(runs.Select(r => r.DecodeP99Ms)),
            ManagedBytesPerToken = runs.Max(r => r.DecodeManagedBytes) / decodedPerRun,
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Check(GenerationSettings settings, int[] prompt)
    {
        if (prompt.Length == 0 || settings.BatchSizes.Count == 0 || settings.ThreadCounts.Count == 0 || settings.BatchSizes.Any(b => b < 1) || settings.ThreadCounts.Any(t => t < 1))
        {
            throw new ArgumentException("a prompt, batch sizes and thread counts (each at least 1) are needed");
        }

        if (settings.NewTokens < 2 || settings.MeasuredGenerations < 1 || settings.WarmupGenerations < 0 || settings.CheckTokens < 1)
        {
            throw new ArgumentException("at least 2 new tokens, 1 measured generation and 1 checked token are needed");
        }
    }
}
