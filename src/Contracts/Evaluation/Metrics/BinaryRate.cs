namespace ModelGrid.Evaluation.Metrics;

/// <summary>The rates reported for every group (and overall); each one is a function of the confusion counts.</summary>
public enum BinaryRate
{
    /// <summary>(TP + FP) / n, Fairlearn's <c>selection_rate</c>; the basis of demographic parity.</summary>
    SelectionRate = 0,

    /// <summary>TP / P, recall, Fairlearn's <c>true_positive_rate</c>; the basis of equal opportunity.</summary>
    TruePositiveRate = 1,

    /// <summary>FP / N, Fairlearn's <c>false_positive_rate</c>.</summary>
    FalsePositiveRate = 2,

    /// <summary>FN / P, Fairlearn's <c>false_negative_rate</c>.</summary>
    FalseNegativeRate = 3,

    /// <summary>(TP + TN) / n.</summary>
    Accuracy = 4,

    /// <summary>
    /// sklearn's <c>balanced_accuracy_score</c>: the mean recall over the classes present in y, so (TPR + TNR) / 2,
    /// or the one defined recall when a class is absent (sklearn warns there; so does this library).
    /// </summary>
    BalancedAccuracy = 5,

    /// <summary>TP / (TP + FP).</summary>
    Precision = 6,

    /// <summary>2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall.</summary>
    F1 = 7,
}
