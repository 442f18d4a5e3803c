namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Which prediction AIF360's metrics count as the favourable outcome (AIF360's <c>favorable_label</c>). Fairlearn's
/// metrics always use the positive prediction; AIF360's are defined on the favourable one, which a suite declares.
/// </summary>
public enum FavourableOutcome
{
    /// <summary>ŷ = 1, the positive label, is favourable (Adult: income above 50K).</summary>
    Positive = 0,

    /// <summary>ŷ = 0, the negative label, is favourable (COMPAS: predicted not to be charged again).</summary>
    Negative = 1,
}
