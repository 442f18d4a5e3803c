namespace ModelGrid.Evaluation.Metrics;

/// <summary>How a Fairlearn difference or ratio compares the groups (<c>method=</c> of <c>MetricFrame.difference</c>).</summary>
public enum DisparityMethod
{
    /// <summary>
    /// difference = max_g v_g − min_g v_g; ratio = min_g v_g / max_g v_g (0/0 is NaN).
    /// </summary>
    BetweenGroups = 0,

    /// <summary>
    /// difference = max_g |v_g − overall|; ratio = min_g r_g with r_g = v_g / overall, replaced by 1 / r_g when
    /// r_g &gt; 1 (so every term is at most 1). "overall" is the metric on all rows, small groups included.
    /// </summary>
    ToOverall = 1,
}
