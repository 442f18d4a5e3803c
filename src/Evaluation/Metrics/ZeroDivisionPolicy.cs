namespace ModelGrid.Evaluation.Metrics;

/// <summary>What a rate whose denominator is zero (a group without actual positives, say) is reported as.</summary>
public enum ZeroDivisionPolicy
{
    /// <summary>
    /// The default: the rate is undefined, reported as <see cref="double.NaN"/> with a warning, and left out of every
    /// aggregate (group minimum and maximum, differences, ratios, macro averages).
    /// </summary>
    NaN = 0,

    /// <summary>
    /// Fairlearn's behaviour, for parity with Fairlearn: TPR, FPR, FNR and TNR follow sklearn's
    /// <c>confusion_matrix(normalize="true")</c> followed by <c>nan_to_num</c>, so 0/0 is 0.0 (a group without
    /// positives has TPR = FNR = 0.0); precision, recall and F1 follow sklearn's <c>zero_division=0</c>. Empty groups
    /// are still undefined (Fairlearn never evaluates them). In this mode there is no minimum group size.
    /// </summary>
    FairlearnCompat = 1,
}
