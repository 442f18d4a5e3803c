using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>Fairlearn's aggregates and named metrics, and the AIF360 comparison.</summary>
internal sealed partial class FairnessStatistic
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Aggregate(Span<double> values, BinaryRate rate)
    {
        var r = (int)rate;
        var overall = values[r];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double toOverallDifference = double.NaN, toOverallRatio = double.NaN;
        var defined = 0;
        for (var g = 0; g < _groupCount; g++)
        {
            var v = values[GroupOffset(g) + r];
            if (!_inDisparity[g] || double.IsNaN(v))
            {
                continue;
            }

            defined++;
            min = Math.Min(min, v);
            max = Math.Max(max, v);

            // pandas: (by_group − overall).abs().max() and min of the folded by_group / overall, NaN skipped.
            var difference = Math.Abs(v - overall);
            if (!double.IsNaN(difference) && (double.IsNaN(toOverallDifference) || difference > toOverallDifference))
            {
                toOverallDifference = difference;
            }

            // v / 0 is +inf, folded to 0 as Fairlearn's ratio_sub_one does; 0 / 0 is NaN and skipped.
            var ratio = v / overall;
            ratio = ratio > 1 ? 1 / ratio : ratio;
            if (!double.IsNaN(ratio) && (double.IsNaN(toOverallRatio) || ratio < toOverallRatio))
            {
                toOverallRatio = ratio;
            }
        }

        var output = values.Slice(AggregateOffset(rate), AggregatesPerRate);
        if (defined == 0)
        {
            output.Fill(double.NaN);
            return;
        }

        output[0] = min;
        output[1] = max;

        // One group is no comparison: Fairlearn (pandas) still reports 0 and 1, the careful mode reports undefined.
        var comparable = defined >= 2 || _policy == ZeroDivisionPolicy.FairlearnCompat;
        output[2] = comparable ? max - min : double.NaN;
        output[3] = comparable ? min / max : double.NaN;
        output[4] = toOverallDifference;
        output[5] = toOverallRatio;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Name(Span<double> values, DisparityMethod method)
    {
        var k = method == DisparityMethod.BetweenGroups ? 0 : 2;
        var selection = values.Slice(AggregateOffset(BinaryRate.SelectionRate), AggregatesPerRate);
        var tpr = values.Slice(AggregateOffset(BinaryRate.TruePositiveRate), AggregatesPerRate);
        var fpr = values.Slice(AggregateOffset(BinaryRate.FalsePositiveRate), AggregatesPerRate);
        var output = values.Slice(NamedOffset(method), NamedPerMethod);
        output[0] = selection[2 + k];
        output[1] = selection[3 + k];
        output[2] = WorstCase(tpr[2 + k], fpr[2 + k], larger: true);
        output[3] = Mean(tpr[2 + k], fpr[2 + k]);
        output[4] = WorstCase(tpr[3 + k], fpr[3 + k], larger: false);
        output[5] = Mean(tpr[3 + k], fpr[3 + k]);
        output[6] = tpr[2 + k];
        output[7] = tpr[3 + k];
    }

    private double WorstCase(double tpr, double fpr, bool larger)
    {
        if (_policy == ZeroDivisionPolicy.FairlearnCompat)
        {
            // Python's builtin max/min over [tpr, fpr]: the first item is kept unless the second compares larger (smaller).
            return larger ? (fpr > tpr ? fpr : tpr) : (fpr < tpr ? fpr : tpr);
        }

        if (double.IsNaN(tpr) || double.IsNaN(fpr))
        {
            return double.NaN;
        }

        return larger ? Math.Max(tpr, fpr) : Math.Min(tpr, fpr);
    }

    private double Mean(double tpr, double fpr)
    {
        if (_policy == ZeroDivisionPolicy.FairlearnCompat)
        {
            // pandas Series.mean skips NaN.
            if (double.IsNaN(tpr))
            {
                return fpr;
            }

            if (double.IsNaN(fpr))
            {
                return tpr;
            }
        }

        return (tpr + fpr) / 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CompareToPrivileged(ReadOnlySpan<long> cells, Span<double> output, long tp, long fp, long fn, long tn)
    {
        if (!_privilegedComparable)
        {
            output.Fill(double.NaN);
            return;
        }

        var c = cells.Slice(_privileged * GroupedConfusion.CellsPerGroup, GroupedConfusion.CellsPerGroup);
        long pTp = c[3], pFp = c[1], pFn = c[2], pTn = c[0];
        long uTp = tp - pTp, uFp = fp - pFp, uFn = fn - pFn, uTn = tn - pTn;
        if (_favourable == FavourableOutcome.Negative)
        {
            // AIF360 counts on favorable_label: flipping y and ŷ turns TP into TN and FP into FN, so the formulas below
            // read P(ŷ = 0) as the selection rate, P(ŷ = 0 | y = 0) as the TPR and P(ŷ = 0 | y = 1) as the FPR.
            (pTp, pTn, pFp, pFn) = (pTn, pTp, pFn, pFp);
            (uTp, uTn, uFp, uFn) = (uTn, uTp, uFn, uFp);
        }

        Span<double> privileged = stackalloc double[R];
        Span<double> unprivileged = stackalloc double[R];
        RateMath.Compute(pTp, pFp, pFn, pTn, _policy, privileged);
        RateMath.Compute(uTp, uFp, uFn, uTn, _policy, unprivileged);
        var selectionP = privileged[(int)BinaryRate.SelectionRate];
        var selectionU = unprivileged[(int)BinaryRate.SelectionRate];
        var tprDelta = unprivileged[(int)BinaryRate.TruePositiveRate] - privileged[(int)BinaryRate.TruePositiveRate];
        var fprDelta = unprivileged[(int)BinaryRate.FalsePositiveRate] - privileged[(int)BinaryRate.FalsePositiveRate];
        output[0] = selectionU - selectionP;
        output[1] = selectionP == 0
            ? (_policy == ZeroDivisionPolicy.FairlearnCompat && !double.IsNaN(selectionU) ? 0.0 : double.NaN)
            : selectionU / selectionP;
        output[2] = tprDelta;
        output[3] = (fprDelta + tprDelta) / 2;
        output[4] = (Math.Abs(fprDelta) + Math.Abs(tprDelta)) / 2;
    }
}
