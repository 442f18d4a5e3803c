namespace ModelGrid.Evaluation.Metrics;

/// <summary>Count metrics of a multiclass classifier (definitions: <see cref="MulticlassMetrics.Evaluate(MulticlassConfusion, ZeroDivisionPolicy)"/>).</summary>
/// <param name="Confusion">The confusion matrix behind every figure.</param>
/// <param name="ZeroDivision">The policy used for undefined per-class precision and recall.</param>
/// <param name="Accuracy">Correct / n.</param>
/// <param name="BalancedAccuracy">Mean recall over the classes present in y.</param>
/// <param name="MacroPrecision">Mean per-class precision over the label set.</param>
/// <param name="MacroRecall">Mean per-class recall over the label set.</param>
/// <param name="MacroF1">Mean per-class F1 over the label set.</param>
/// <param name="Warnings">Classes whose precision or recall is undefined, classes absent from y.</param>
public sealed record MulticlassReport(
    MulticlassConfusion Confusion,
    ZeroDivisionPolicy ZeroDivision,
    double Accuracy,
    double BalancedAccuracy,
    double MacroPrecision,
    double MacroRecall,
    double MacroF1,
    IReadOnlyList<MetricWarning> Warnings);
