using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>How bootstrap confidence intervals are drawn.</summary>
public sealed record BootstrapOptions
{
    /// <summary>The fewest replicates accepted (and the default).</summary>
    public const int MinimumReplicates = 1000;

    /// <summary>The most replicates accepted.</summary>
    public const int MaximumReplicates = 1_000_000;

    /// <summary>The default options: 1,000 replicates, seed 0, 95% intervals.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>B, the number of replicates (default 1,000).</summary>
    [Range(MinimumReplicates, MaximumReplicates)]
    public int Replicates { get; init; } = MinimumReplicates;

    /// <summary>
    /// The seed of the xoshiro256** generators: replicate r uses a generator seeded with the r-th output of a SplitMix64
    /// sequence started at this seed. The same inputs and seed give the same intervals bit for bit on a given
    /// platform, whatever the thread count (the binomial sampler calls Math.Log and Math.Pow, whose last bit is the
    /// platform math library's).
    /// </summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The coverage of the percentile interval (default 0.95: the 2.5th and 97.5th percentiles, linear interpolation
    /// as numpy.quantile).
    /// </summary>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The lower and upper quantile, formed in decimal so that 0.95 gives exactly 0.025 and 0.975.</summary>
    internal (double Lower, double Upper) Quantiles
    {
        get
        {
            var tail = (1m - (decimal)ConfidenceLevel) / 2m;
            return ((double)tail, (double)(1m - tail));
        }
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Replicates, MinimumReplicates);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Replicates, MaximumReplicates);
        if (!(ConfidenceLevel >= 0.5 && ConfidenceLevel <= 0.9999))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be in [0.5, 0.9999].");
        }
    }
}
