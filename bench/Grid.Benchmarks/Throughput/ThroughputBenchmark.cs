using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Benchmarks.Throughput;

/// <summary>
/// One run: for each model and intra-op thread count, set the number of timed calls from a short calibration, then
/// alternate rounds of the grid's <see cref="ThroughputRunner"/> and the <see cref="BareLoop"/> (who goes first swaps
/// each round), each opening its own session per round and timing the same number of calls on the same input.
/// </summary>
public static class ThroughputBenchmark
{
    public const string MnistModel = "MNIST";
    public const string UltrafaceModel = "Ultraface RFB-320";
    public const int Seed = 42;
    private const int Batch = 1;
    private const int MinimumCalls = 20;
    private const double CalibrationSeconds = 0.2;

    public static IReadOnlyList<ThroughputCase> Cases { get; } =
    [
        new(MnistModel, "models/mnist/mnist.onnx", 1),
        new(MnistModel, "models/mnist/mnist.onnx", 2),
        new(UltrafaceModel, "models/vision/ultraface-rfb-320.onnx", 1),
        new(UltrafaceModel, "models/vision/ultraface-rfb-320.onnx", 2),
    ];

    public static async Task<int> RunAsync(ThroughputBenchOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        void Log(string line) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
        try
        {
            var missing = Cases.Select(c => Path.Combine(options.SharedFolder, c.RelativePath)).Where(p => !File.Exists(p)).Distinct().ToList();
            if (missing.Count > 0)
            {
                await Console.Error.WriteLineAsync($"error: model not found: {string.Join(", ", missing)} (give the shared folder with --shared or ${RepositoryPaths.SharedVariable})");
                return 1;
            }

            var started = DateTimeOffset.UtcNow;
            var machine = await HostInfo.CollectAsync(cancellationToken);
            var before = await OtherLoadMeter.StartAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var background = await before.OtherShareAsync([], cancellationToken);
            Log($"other load before the run: {background:P0} of all cores");
            var during = await OtherLoadMeter.StartAsync(cancellationToken);

            var runner = new ThroughputRunner(new OnnxSessionFactory(new SessionSettings { Provider = ProviderRequest.Cpu }));
            var results = new List<ThroughputCaseResult>();
            string? provider = null;
            foreach (var c in Cases)
            {
                var (result, actual) = MeasureCase(runner, c, options, Log, cancellationToken);
                results.Add(result);
                provider ??= actual;
            }

            var otherShare = await during.OtherShareAsync([], cancellationToken);
            var report = new ThroughputBenchReport(
                options, machine, started, clock.Elapsed, background, otherShare, OnnxSessionFactory.RuntimeVersion, provider ?? "?", Seed, results);
            return await BenchReports.PublishAsync(
                options.OutputFolder, "throughput", started, ThroughputMarkdown.Render(report), report.ChecksPassed, "an input or golden check failed (see the report)", Log);
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

    private static (ThroughputCaseResult Result, string Provider) MeasureCase(
        ThroughputRunner runner, ThroughputCase c, ThroughputBenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var modelPath = Path.Combine(options.SharedFolder, c.RelativePath);
        var (inputName, shape) = BareLoop.InputOf(modelPath);
        var input = SeededInput.Draw(checked((int)shape.Aggregate(1L, (a, d) => a * d)), Seed, Batch);
        var spec = new TensorSpec(inputName, TensorElementKind.Float, shape);

        var calls = Calibrate(modelPath, c.Threads, input, options.Seconds);
        var settings = new ThroughputSettings
        {
            Provider = ProviderRequest.Cpu,
            BatchSizes = [Batch],
            ThreadCounts = [c.Threads],
            MeasureIterations = calls,
            Seed = Seed,
        };
        var inputsMatch = SeededInput.EqualsRunnerInput(spec, Batch, settings, input);
        log($"{c.Model}, {c.Threads} intra-op thread(s): {calls} timed calls per round; input {ShapeText(shape)} equal to the runner's: {inputsMatch}");

        List<double> grid = [], bare = [], ratios = [], p50 = [];
        List<int> windows = [];
        var (unstable, golden, gridAllocated, bareAllocated) = (0, true, 0L, 0L);
        string provider = "?";
        for (var round = 0; round < options.Rounds; round++)
        {
            double gridRate = 0, bareRate = 0;
            foreach (var side in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (side)
                {
                    var report = runner.Run(modelPath, settings, cancellationToken);
                    var m = report.Measurements.Single();
                    gridRate = m.SamplesPerSecond;
                    provider = report.ActualProvider;
                    p50.Add(m.P50Ms);
                    windows.Add(m.WarmupWindows);
                    unstable += m.Stable ? 0 : 1;
                    golden &= m.GoldenMatched && report.Succeeded;
                    gridAllocated = Math.Max(gridAllocated, m.ManagedBytesAllocated);
                }
                else
                {
                    using var loop = BareLoop.Open(modelPath, c.Threads, input);
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    bareRate = Batch * loop.Measure(calls / 4, calls);
                    bareAllocated = Math.Max(bareAllocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
                }
            }

            grid.Add(gridRate);
            bare.Add(bareRate);
            ratios.Add(gridRate / bareRate);
            log($"  round {round + 1}: grid {gridRate:F0}/s, bare {bareRate:F0}/s, ratio {gridRate / bareRate:F3}");
        }

        return (new ThroughputCaseResult(
            c, calls, ShapeText(shape), inputsMatch, new Samples(grid), new Samples(bare), new Samples(ratios), new Samples(p50),
            unstable, windows, golden, gridAllocated, bareAllocated), provider);
    }

    /// <summary>Calls that take about <paramref name="seconds"/>: doubling bare-loop batches until one lasts 0.2 s.</summary>
    private static int Calibrate(string modelPath, int threads, float[] input, double seconds)
    {
        using var loop = BareLoop.Open(modelPath, threads, input);
        loop.Measure(MinimumCalls, 0);
        for (var calls = MinimumCalls; ; calls *= 2)
        {
            var rate = loop.Measure(0, calls);
            if (calls / rate >= CalibrationSeconds)
            {
                return (int)Math.Clamp(rate * seconds, MinimumCalls, 10_000_000);
            }
        }
    }

    private static string ShapeText(long[] shape) => $"[{string.Join(',', shape)}]";
}
