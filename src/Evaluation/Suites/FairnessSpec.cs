using System.Text.Json.Serialization;
using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Suites;

/// <summary>The group-fairness part of a bias suite.</summary>
/// <param name="Sensitive">The sensitive features, each reported on its own.</param>
/// <param name="Intersections">Combinations of features reported as intersectional groups (by column).</param>
/// <param name="MinimumGroupSize">Smaller groups are not reported and kept out of disparities.</param>
/// <param name="ZeroDivision">NaN (default) or Fairlearn's behaviour.</param>
/// <param name="Favourable">
/// The outcome AIF360's metrics count as favourable: the positive or the negative label. Left out of the digest when
/// positive, so suites written before it was declared keep their digests.
/// </param>
/// <param name="FavourableMeaning">What the favourable outcome means in the suite's words ("not charged again within two years"), or null.</param>
public sealed record FairnessSpec(
    IReadOnlyList<SensitiveSpec> Sensitive,
    IReadOnlyList<IReadOnlyList<string>> Intersections,
    int MinimumGroupSize,
    ZeroDivisionPolicy ZeroDivision,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] FavourableOutcome Favourable = FavourableOutcome.Positive,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FavourableMeaning = null)
{
    // Methods, not properties: the spec is serialized for the suite digest, and these are derived from it.

    /// <summary>The views reported, in order: each sensitive feature alone, then each intersection.</summary>
    public IReadOnlyList<IReadOnlyList<SensitiveSpec>> Views() =>
    [
        .. Sensitive.Select(s => (IReadOnlyList<SensitiveSpec>)[s]),
        .. Intersections.Select(c => (IReadOnlyList<SensitiveSpec>)[.. c.Select(name => Sensitive.First(s => s.Column == name))]),
    ];

    /// <summary>A view's name: its features joined with " x " ("sex", "sex x race").</summary>
    public static string ViewName(IReadOnlyList<SensitiveSpec> features) => string.Join(" x ", features.Select(f => f.Column));

    /// <summary>
    /// The metric options of one view: the suite's policy, minimum group size and favourable outcome, and the
    /// privileged group when every feature names one.
    /// </summary>
    public FairnessOptions OptionsFor(IReadOnlyList<SensitiveSpec> features) => new()
    {
        ZeroDivision = ZeroDivision,
        MinimumGroupSize = MinimumGroupSize,
        PrivilegedGroup = features.All(f => f.Privileged is not null) ? [.. features.Select(f => f.Privileged!)] : null,
        Favourable = Favourable,
    };
}
