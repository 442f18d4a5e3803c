using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Measures a model's latency and throughput for each intra-op thread count and batch size: warm-up until the rate
/// settles (capped), timed calls on pre-bound tensors, and a golden output check after each configuration.
/// </summary>
public sealed partial class ThroughputRunner(OnnxSessionFactory factory, ILogger<ThroughputRunner>? logger = null)
{
    private readonly OnnxSessionFactory _factory = factory ?? throw new ArgumentNullException(nameof(factory));

    /// <exception cref="ArgumentException">The settings are out of range, or a string input has no category values.</exception>
    /// <exception cref="ModelRunException">ONNX Runtime failed while running the model.</exception>
    public ThroughputReport Run(string modelPath, ThroughputSettings settings, CancellationToken cancellationToken = default) =>
        Run(modelPath, settings, null, cancellationToken);

    /// <summary>
    /// Measures the model, writing a line to <paramref name="log"/> as each configuration starts. Cancelling
    /// <paramref name="cancellationToken"/> stops the call in flight after its current operator and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are out of range, or a string input has no category values.</exception>
    /// <exception cref="ModelRunException">ONNX Runtime failed while running the model.</exception>
    /// <exception cref="ModelTooLargeException">An input at a measured batch size holds more elements than a tensor can.</exception>
    public ThroughputReport Run(string modelPath, ThroughputSettings settings, Action<string>? log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(settings);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var golden = new Dictionary<int, GoldenOutputs>();
        var inputsByBatch = new Dictionary<int, List<GeneratedInput>>();
        var measurements = new List<ThroughputMeasurement>();
        (string Requested, string Actual, string? FallbackReason, double CreationMs)? facts = null;
        double? firstRunMs = null;
        string? failure = null;
        foreach (var threads in settings.ThreadCounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var session = _factory.Open(modelPath, new SessionSettings
            {
                Provider = settings.Provider,
                GpuDeviceId = settings.GpuDeviceId,
                IntraOpThreads = threads,
            });
            if (facts is null)
            {
                InputGenerator.CheckFeedable(session.Inputs, settings);
                facts = (session.RequestedProvider, session.ActualProvider, session.FallbackReason, session.CreationTime.TotalMilliseconds);
            }

            foreach (var batch in settings.BatchSizes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var whyNot = BatchDimension.WhyNot(session.Inputs, batch);
                if (whyNot is not null)
                {
                    measurements.Add(new ThroughputMeasurement { Threads = threads, BatchSize = batch, Supported = false, NotSupportedReason = whyNot });
                    continue;
                }

                if (!inputsByBatch.TryGetValue(batch, out var inputs))
                {
                    inputs = InputGenerator.Generate(session.Inputs, batch, settings);
                    inputsByBatch.Add(batch, inputs);
                }

                log?.Invoke($"threads {threads}, batch {batch}: measuring");
                using var bound = new BoundBatch(session, inputs, cancellationToken);
                firstRunMs ??= bound.FirstRunTime.TotalMilliseconds;
                var (measurement, difference) = Measure(bound, threads, batch, settings, golden, cancellationToken);
                measurements.Add(measurement);
                if (logger is not null)
                {
                    LogMeasured(logger, threads, batch, measurement.Stable, measurement.Samples, measurement.P50Ms, measurement.SamplesPerSecond);
                }

                if (difference is not null)
                {
                    failure = $"golden check failed at {threads} intra-op thread(s), batch {batch}: {difference}";
                    break;
                }
            }

            if (failure is not null)
            {
                break;
            }
        }

        if (failure is not null && logger is not null)
        {
            LogGoldenMismatch(logger, modelPath, failure);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var (requested, actual, fallbackReason, creationMs) = facts!.Value;
        return new ThroughputReport
        {
            RequestedProvider = requested,
            ActualProvider = actual,
            FallbackReason = fallbackReason,
            RuntimeVersion = OnnxSessionFactory.RuntimeVersion,
            SessionCreationMs = creationMs,
            FirstRunMs = firstRunMs ?? double.NaN,
            PeakWorkingSetBytes = process.PeakWorkingSet64,
            ManagedBytesAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            Seed = settings.Seed,
            Measurements = measurements,
            Failure = failure,
        };
    }
}
