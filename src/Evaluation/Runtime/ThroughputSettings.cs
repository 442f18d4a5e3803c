using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// How the throughput runner measures a model. The defaults sweep MNIST-sized models in a few seconds: warm-up
/// windows of 50 ms until three agree within 5% (at most 20), then 250 ms of timed calls per configuration.
/// </summary>
public sealed record ThroughputSettings
{
    public ProviderRequest Provider { get; init; } = ProviderRequest.Auto;

    [Range(0, 1024)]
    public int GpuDeviceId { get; init; }

    /// <summary>Batch sizes to measure; those the model's batch dimension does not allow are reported as not supported.</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 8, 32];

    /// <summary>Intra-op thread counts to sweep; each gets its own session.</summary>
    public IReadOnlyList<int> ThreadCounts { get; init; } = [1, 2];

    /// <summary>When set, a warm-up window is this many calls; otherwise it lasts <see cref="WindowDuration"/>.</summary>
    [Range(1, int.MaxValue)]
    public int? WindowIterations { get; init; }

    public TimeSpan WindowDuration { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Warm-up ends when <see cref="StableWindows"/> consecutive windows' rates differ by less than this fraction of the
    /// slowest ((max - min) / min &lt; tolerance); 0 never settles.
    /// </summary>
    [Range(0.0, 10.0)]
    public double StabilityTolerance { get; init; } = 0.05;

    [Range(2, 100)]
    public int StableWindows { get; init; } = 3;

    /// <summary>The cap on warm-up windows: a configuration that has not settled by then is measured and reported as unstable.</summary>
    [Range(1, 10_000)]
    public int MaxWarmupWindows { get; init; } = 20;

    /// <summary>When set, this many timed calls per configuration; otherwise calls for <see cref="MeasureDuration"/>.</summary>
    [Range(1, 10_000_000)]
    public int? MeasureIterations { get; init; }

    public TimeSpan MeasureDuration { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The seed of the generated inputs, recorded with the report.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Declared value ranges of numeric inputs by input name; others draw from <see cref="ValueRange.Unit"/>.</summary>
    public IReadOnlyDictionary<string, ValueRange> ValueRanges { get; init; } = new Dictionary<string, ValueRange>();

    /// <summary>The category values each string input draws from, by input name; a string input without values is an error.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StringValues { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The size of dynamic dimensions after the first (the batch); null sets them to the batch size too.</summary>
    [Range(1, int.MaxValue)]
    public int? OtherDynamicDimensionSize { get; init; }

    /// <summary>The relative difference the golden check allows (values below 1e-6 in magnitude are compared as 1e-6).</summary>
    [Range(0.0, 1.0)]
    public double GoldenTolerance { get; init; } = 1e-5;
}
