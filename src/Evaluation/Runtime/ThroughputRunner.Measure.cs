using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ModelGrid.Evaluation.Runtime;

public sealed partial class ThroughputRunner
{
    private static (ThroughputMeasurement Measurement, string? GoldenDifference) Measure(
        BoundBatch bound, int threads, int batch, ThroughputSettings settings, Dictionary<int, GoldenOutputs> golden, CancellationToken cancellationToken)
    {
        var (stable, windows, rate) = WarmUp(bound, settings, cancellationToken);
        if (!golden.TryGetValue(batch, out var expected))
        {
            bound.Run();
            expected = bound.ReadOutputs();
            golden.Add(batch, expected);
        }

        var capacity = settings.MeasureIterations ?? (int)Math.Clamp((rate * settings.MeasureDuration.TotalSeconds * 1.5) + 64, 64, 10_000_000);
        var ticks = new long[capacity];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var samples = settings.MeasureIterations is { } iterations
            ? TimeCalls(bound, ticks, iterations)
            : TimeCallsFor(bound, ref ticks, Stopwatch.GetTimestamp() + DurationTicks(settings.MeasureDuration));

        // Samples/s from a second pass of as many calls with one timestamp for the whole block: per-call timestamps
        // would compete with ONNX Runtime's spinning intra-op threads and slow a small model down.
        var blockStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < samples; i++)
        {
            bound.Run();
        }

        var wall = Stopwatch.GetElapsedTime(blockStarted);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        bound.Run();
        var difference = expected.Difference(bound.ReadOutputs(), settings.GoldenTolerance);

        var sorted = ticks.AsSpan(0, samples);
        sorted.Sort();
        return (new ThroughputMeasurement
        {
            Threads = threads,
            BatchSize = batch,
            Supported = true,
            Stable = stable,
            WarmupWindows = windows,
            Samples = samples,
            P50Ms = Latencies.PercentileMs(sorted, 0.50),
            P90Ms = Latencies.PercentileMs(sorted, 0.90),
            P99Ms = Latencies.PercentileMs(sorted, 0.99),
            SamplesPerSecond = (double)batch * samples / wall.TotalSeconds,
            ManagedBytesAllocated = allocated,
            GoldenMatched = difference is null,
        }, difference);
    }

    /// <summary>Windows of calls until the last few agree on the rate, or the cap; returns the last window's calls per second.</summary>
    private static (bool Stable, int Windows, double CallsPerSecond) WarmUp(BoundBatch bound, ThroughputSettings settings, CancellationToken cancellationToken)
    {
        var recent = new double[settings.StableWindows];
        var rate = 0.0;
        for (var window = 1; window <= settings.MaxWarmupWindows; window++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var calls = 0;
            if (settings.WindowIterations is { } iterations)
            {
                for (; calls < iterations; calls++)
                {
                    bound.Run();
                }
            }
            else
            {
                var deadline = started + DurationTicks(settings.WindowDuration);
                do
                {
                    bound.Run();
                    calls++;
                }
                while (Stopwatch.GetTimestamp() < deadline);
            }

            rate = calls / Stopwatch.GetElapsedTime(started).TotalSeconds;
            recent[(window - 1) % recent.Length] = rate;
            if (window >= recent.Length)
            {
                var (min, max) = (recent.Min(), recent.Max());
                if ((max - min) / min < settings.StabilityTolerance)
                {
                    return (true, window, rate);
                }
            }
        }

        return (false, settings.MaxWarmupWindows, rate);
    }

    private static int TimeCalls(BoundBatch bound, long[] ticks, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            var before = Stopwatch.GetTimestamp();
            bound.Run();
            ticks[i] = Stopwatch.GetTimestamp() - before;
        }

        return iterations;
    }

    private static int TimeCallsFor(BoundBatch bound, ref long[] ticks, long deadline)
    {
        var count = 0;
        long after;
        do
        {
            var before = Stopwatch.GetTimestamp();
            bound.Run();
            after = Stopwatch.GetTimestamp();
            if (count == ticks.Length)
            {
                Array.Resize(ref ticks, ticks.Length * 2);
            }

            ticks[count++] = after - before;
        }
        while (after < deadline);

        return count;
    }

    private static long DurationTicks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private static void Check(ThroughputSettings settings)
    {
        if (settings.BatchSizes.Count == 0 || settings.BatchSizes.Any(b => b < 1))
        {
            throw new ArgumentException("batch sizes must be given and at least 1", nameof(settings));
        }

        if (settings.ThreadCounts.Count == 0 || settings.ThreadCounts.Any(t => t < 1))
        {
            throw new ArgumentException("thread counts must be given and at least 1", nameof(settings));
        }

        var positive = settings.WindowIterations is null or > 0 && settings.MeasureIterations is null or > 0 &&
            settings.WindowDuration > TimeSpan.Zero && settings.MeasureDuration > TimeSpan.Zero && settings.MaxWarmupWindows > 0;
        if (!positive)
        {
            throw new ArgumentException("window and measurement lengths and the warm-up cap must be positive", nameof(settings));
        }

        if (settings.StableWindows < 2 || !(settings.StabilityTolerance >= 0) || !(settings.GoldenTolerance >= 0))
        {
            throw new ArgumentException("stability needs at least 2 windows and non-negative tolerances", nameof(settings));
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Throughput at {Threads} thread(s), batch {Batch}: stable {Stable}, {Samples} calls, p50 {P50Ms:F3} ms, {SamplesPerSecond:F0} samples/s")]
    private static partial void LogMeasured(ILogger logger, int threads, int batch, bool stable, int samples, double p50Ms, double samplesPerSecond);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Throughput run of {Model} failed: {Failure}")]
    private static partial void LogGoldenMismatch(ILogger logger, string model, string failure);
}
