using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>How group fairness metrics are computed.</summary>
public sealed record FairnessOptions
{
    /// <summary>The default <see cref="MinimumGroupSize"/>.</summary>
    public const int DefaultMinimumGroupSize = 30;

    /// <summary>The options of the default, careful mode: NaN for undefined rates, groups under 30 rows kept out of disparities.</summary>
    public static FairnessOptions Default { get; } = new();

    /// <summary>Fairlearn's behaviour: zero-division gives 0.0 and there is no minimum group size, so every figure equals Fairlearn's.</summary>
    public static FairnessOptions FairlearnCompatible { get; } = new() { ZeroDivision = ZeroDivisionPolicy.FairlearnCompat, MinimumGroupSize = 0 };

    /// <summary>What a rate with a zero denominator is reported as (default <see cref="ZeroDivisionPolicy.NaN"/>).</summary>
    public ZeroDivisionPolicy ZeroDivision { get; init; } = ZeroDivisionPolicy.NaN;

    /// <summary>
    /// Groups with fewer rows are still reported, with a warning, but kept out of every disparity (group minimum and
    /// maximum, differences, ratios, AIF360 comparisons). Decided once on the observed data, so the same groups take
    /// part in every bootstrap replicate. Ignored (taken as 0) under <see cref="ZeroDivisionPolicy.FairlearnCompat"/>.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MinimumGroupSize { get; init; } = DefaultMinimumGroupSize;

    /// <summary>
    /// The privileged group for the AIF360-style metrics, as one level name per sensitive feature (one group of the
    /// <see cref="GroupIndex"/>); every other row is unprivileged (AIF360's sklearn API). Null: no AIF360 metrics.
    /// </summary>
    public IReadOnlyList<string>? PrivilegedGroup { get; init; }

    /// <summary>
    /// The outcome the AIF360-style metrics count as favourable (default <see cref="FavourableOutcome.Positive"/>). With
    /// <see cref="FavourableOutcome.Negative"/> they are taken on the flipped label and prediction, as AIF360 does with
    /// <c>favorable_label = 0</c>; Fairlearn's metrics and every rate keep the positive label.
    /// </summary>
    public FavourableOutcome Favourable { get; init; } = FavourableOutcome.Positive;

    /// <summary>The minimum group size in force: none in Fairlearn-compatible mode.</summary>
    internal int EffectiveMinimumGroupSize => ZeroDivision == ZeroDivisionPolicy.FairlearnCompat ? 0 : MinimumGroupSize;

    internal void Validate()
    {
        if (!Enum.IsDefined(ZeroDivision))
        {
            throw new ArgumentOutOfRangeException(nameof(ZeroDivision), ZeroDivision, "Unknown zero-division policy.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinimumGroupSize);
        if (!Enum.IsDefined(Favourable))
        {
            throw new ArgumentOutOfRangeException(nameof(Favourable), Favourable, "Unknown favourable outcome.");
        }
    }
}
