using System.Globalization;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Multiclass metrics: integer labels and predictions in 0..K − 1, and a row-major N×K probability matrix for the
/// score metrics (turn logits into probabilities first, with <see cref="ProbabilityTransforms.Softmax"/>).
/// </summary>
public static class MulticlassMetrics
{
    /// <summary>
    /// Accuracy, balanced accuracy (sklearn: mean recall over the classes present in y) and macro
    /// precision/recall/F1 over sklearn's label set (the classes present in y or ŷ). A never-predicted class has an
    /// undefined precision, an absent class an undefined recall: 0 under <see cref="ZeroDivisionPolicy.FairlearnCompat"/>
    /// (sklearn <c>zero_division=0</c>), left out of the mean under <see cref="ZeroDivisionPolicy.NaN"/> (sklearn
    /// <c>zero_division=np.nan</c>) with a warning either way.
    /// </summary>
    public static MulticlassReport Evaluate(MulticlassConfusion confusion, ZeroDivisionPolicy policy = ZeroDivisionPolicy.NaN)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        if (confusion.Total == 0)
        {
            throw new ArgumentException("There are no rows to evaluate.", nameof(confusion));
        }

        var statistic = new MulticlassStatistic(confusion.ClassCount, policy);
        Span<double> v = stackalloc double[statistic.Names.Count];
        statistic.Evaluate(confusion.Cells, v);
        return new MulticlassReport(confusion, policy, v[0], v[1], v[2], v[3], v[4], Warnings(confusion, policy));
    }

    /// <summary>The same from per-row labels and predictions.</summary>
    public static MulticlassReport Evaluate(
        ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions, int classCount, ZeroDivisionPolicy policy = ZeroDivisionPolicy.NaN) =>
        Evaluate(MulticlassConfusion.Count(labels, predictions, classCount), policy);

    /// <summary>
    /// Log-loss (sklearn 1.2: each p clipped to [ε, 1 − ε] with ε = <see cref="ScoreMetrics.LogLossEpsilon"/>, rows
    /// renormalised, mean of −log p_y); multiclass Brier score, defined here as the mean over rows of
    /// Σ_k (p_k − 1[y = k])² (so 0..2; for K = 2 it is twice the binary Brier score); and the top-label ECE (Guo et
    /// al. 2017): confidence = max_k p_k (first maximum on ties), accuracy = 1[argmax = y], equal-width bins
    /// (lo, hi] with edges m/M, the first bin also taking 0.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, a matrix that is not N×K, a label outside 0..K − 1, or an entry outside [0, 1].</exception>
    public static MulticlassScoreReport EvaluateScores(
        ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount, int bins = ScoreMetrics.DefaultCalibrationBins)
    {
        if (labels.IsEmpty)
        {
            throw new ArgumentException("There are no rows to evaluate.", nameof(labels));
        }

        var rows = ScoreRows.Multiclass(labels, probabilities, classCount, bins);
        Span<double> v = stackalloc double[rows.MetricCount];
        rows.Evaluate([], [], v, new double[bins]);
        return new MulticlassScoreReport(labels.Length, v[0], v[1], v[2], bins);
    }

    private static List<MetricWarning> Warnings(MulticlassConfusion confusion, ZeroDivisionPolicy policy)
    {
        var warnings = new List<MetricWarning>();
        var outcome = policy == ZeroDivisionPolicy.FairlearnCompat ? "counted as 0 in" : "left out of";
        var kind = policy == ZeroDivisionPolicy.FairlearnCompat ? MetricWarningKind.ZeroDivisionAsZero : MetricWarningKind.UndefinedMetric;
        var k = confusion.ClassCount;
        for (var c = 0; c < k; c++)
        {
            long support = 0, predicted = 0;
            for (var j = 0; j < k; j++)
            {
                support += confusion[c, j];
                predicted += confusion[j, c];
            }

            var subject = string.Create(CultureInfo.InvariantCulture, $"class {c}");
            if (support == 0 && predicted > 0)
            {
                warnings.Add(new MetricWarning(kind, subject, $"Class {c} is predicted but never occurs: its recall is undefined and {outcome} the macro recall; balanced accuracy skips it."));
            }

            if (predicted == 0 && support > 0)
            {
                warnings.Add(new MetricWarning(kind, subject, $"Class {c} occurs but is never predicted: its precision is undefined and {outcome} the macro precision."));
            }
        }

        return warnings;
    }
}
