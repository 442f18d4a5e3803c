using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using ModelGrid.Evaluation.Language;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Benchmarks.Generation;

/// <summary>
/// One run: for each batch and intra-op thread count, alternate rounds of the grid's <see cref="GreedyGenerator"/> and
/// the <see cref="BareGenerationLoop"/> on stories260K's KV graph (who goes first swaps each round); each side runs the
/// same generations from the beginning-of-sentence token, and their tokens must agree.
/// </summary>
public static class GenerationBenchmark
{
    public const string ModelPath = "models/lm/stories260K_kv.onnx";
    private const int Bos = 1;

    public static IReadOnlyList<GenerationCase> Cases { get; } = [new(1, 1), new(1, 2), new(8, 1), new(8, 2)];

    public static async Task<int> RunAsync(GenerationBenchOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        void Log(string line) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
        try
        {
            var model = Path.Combine(options.SharedFolder, ModelPath);
            if (!File.Exists(model))
            {
                await Console.Error.WriteLineAsync($"error: model not found: {model} (give the shared folder with --shared or ${RepositoryPaths.SharedVariable})");
                return 1;
            }

            var started = DateTimeOffset.UtcNow;
            var machine = await HostInfo.CollectAsync(cancellationToken);
            var before = await OtherLoadMeter.StartAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var background = await before.OtherShareAsync([], cancellationToken);
            Log($"other load before the run: {background:P0} of all cores");
            var during = await OtherLoadMeter.StartAsync(cancellationToken);

            var results = Cases.Select(c => MeasureCase(model, c, options, Log, cancellationToken)).ToList();

            var otherShare = await during.OtherShareAsync([], cancellationToken);
            var report = new GenerationBenchReport(options, machine, started, clock.Elapsed, background, otherShare, OnnxSessionFactory.RuntimeVersion, results);
            return await BenchReports.PublishAsync(
                options.OutputFolder, "generation", started, GenerationMarkdown.Render(report), report.ChecksPassed,
                "the two loops chose different tokens, or the grid's decode loop allocated (see the report)", Log);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OnnxRuntimeException or ModelRunException or InvalidModelException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static GenerationCaseResult MeasureCase(string model, GenerationCase c, GenerationBenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var settings = new SessionSettings { Provider = ProviderRequest.Cpu, IntraOpThreads = c.Threads };
        var prompts = Enumerable.Repeat(new[] { Bos }, c.Batch).ToArray();
        var decoded = (double)c.Batch * (options.Tokens - 1) * options.Generations;
        List<double> grid = [], bare = [], ratios = [], firstToken = [];
        var (gridBytes, bareBytes, match) = (0L, 0L, true);
        for (var round = 0; round < options.Rounds; round++)
        {
            double gridRate = 0, bareRate = 0;
            int[]? gridTokens = null, bareTokens = null;
            foreach (var gridFirst in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (gridFirst)
                {
                    using var lm = CausalLanguageModel.Open(new OnnxSessionFactory(settings), model, settings);
                    using var generator = new GreedyGenerator(lm, c.Batch, 1, options.Tokens);
                    generator.Generate(prompts, cancellationToken);
                    var decode = TimeSpan.Zero;
                    var first = new List<double>();
                    for (var g = 0; g < options.Generations; g++)
                    {
                        var result = generator.Generate(prompts, cancellationToken);
                        decode += result.Timings.Decode;
                        first.Add(result.Timings.TimeToFirstToken.TotalMilliseconds);
                        gridBytes = Math.Max(gridBytes, result.Timings.DecodeManagedBytes);
                        gridTokens = [.. result.Rows.SelectMany(r => r)];
                    }

                    gridRate = decoded / decode.TotalSeconds;
                    firstToken.Add(new Samples(first).Median);
                }
                else
                {
                    using var loop = new BareGenerationLoop(model, c.Threads);
                    loop.Generate(c.Batch, [Bos], options.Tokens);
                    var decode = TimeSpan.Zero;
                    for (var g = 0; g < options.Generations; g++)
                    {
                        var (tokens, time, bytes) = loop.Generate(c.Batch, [Bos], options.Tokens);
                        decode += time;
                        bareBytes = Math.Max(bareBytes, bytes);
                        bareTokens = tokens;
                    }

                    bareRate = decoded / decode.TotalSeconds;
                }
            }

            match &= gridTokens!.SequenceEqual(bareTokens!);
            grid.Add(gridRate);
            bare.Add(bareRate);
            ratios.Add(gridRate / bareRate);
            log($"batch {c.Batch}, {c.Threads} thread(s), round {round + 1}: grid {gridRate:F0} tokens/s, bare {bareRate:F0} tokens/s, ratio {gridRate / bareRate:F3}");
        }

        var perGeneration = (double)c.Batch * (options.Tokens - 1);
        return new GenerationCaseResult(c, new Samples(grid), new Samples(bare), new Samples(ratios), new Samples(firstToken), gridBytes / perGeneration, bareBytes / perGeneration, match);
    }
}
