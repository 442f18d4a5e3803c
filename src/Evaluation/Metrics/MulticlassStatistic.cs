namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Accuracy, balanced accuracy and macro precision/recall/F1 from a K×K confusion matrix. The macro averages run
/// over sklearn's label set, the classes present in y or ŷ. A class's precision is undefined when it is never
/// predicted, its recall when it never occurs: under <see cref="ZeroDivisionPolicy.FairlearnCompat"/> they count as
/// 0 (sklearn <c>zero_division=0</c>), under <see cref="ZeroDivisionPolicy.NaN"/> they are left out of the average
/// (sklearn <c>zero_division=np.nan</c>), which is NaN only if no class is defined. F1 = 2·TP/(support + predicted)
/// is defined for every class of the label set. Balanced accuracy is sklearn's: the mean recall over the classes
/// present in y.
/// </summary>
internal sealed class MulticlassStatistic(int classCount, ZeroDivisionPolicy policy) : ICellStatistic
{
    private static readonly string[] MetricNameList =
        [MetricNames.Accuracy, MetricNames.BalancedAccuracy, MetricNames.MacroPrecision, MetricNames.MacroRecall, MetricNames.MacroF1];

    private readonly long[] _support = new long[classCount];
    private readonly long[] _predicted = new long[classCount];

    public IReadOnlyList<string> Names => MetricNameList;

    public int CellCount => classCount * classCount;

    public void Evaluate(ReadOnlySpan<long> cells, Span<double> values)
    {
        Array.Clear(_support);
        Array.Clear(_predicted);
        long total = 0, correct = 0;
        for (var y = 0; y < classCount; y++)
        {
            var row = cells.Slice(y * classCount, classCount);
            for (var p = 0; p < classCount; p++)
            {
                _support[y] += row[p];
                _predicted[p] += row[p];
            }

            correct += row[y];
            total += _support[y];
        }

        if (total == 0)
        {
            values[..MetricNameList.Length].Fill(double.NaN);
            return;
        }

        var zero = policy == ZeroDivisionPolicy.FairlearnCompat;
        double recallSum = 0, precisionSum = 0, f1Sum = 0, balancedSum = 0;
        int labelled = 0, recallCount = 0, precisionCount = 0, present = 0;
        for (var k = 0; k < classCount; k++)
        {
            long support = _support[k], predicted = _predicted[k], tp = cells[(k * classCount) + k];
            if (support + predicted == 0)
            {
                continue;
            }

            labelled++;
            f1Sum += 2.0 * tp / (support + predicted);
            if (support > 0)
            {
                var recall = (double)tp / support;
                recallSum += recall;
                balancedSum += recall;
                recallCount++;
                present++;
            }
            else if (zero)
            {
                recallCount++;
            }

            if (predicted > 0)
            {
                precisionSum += (double)tp / predicted;
                precisionCount++;
            }
            else if (zero)
            {
                precisionCount++;
            }
        }

        values[0] = (double)correct / total;
        values[1] = balancedSum / present;
        values[2] = precisionCount == 0 ? double.NaN : precisionSum / precisionCount;
        values[3] = recallCount == 0 ? double.NaN : recallSum / recallCount;
        values[4] = f1Sum / labelled;
    }
}
