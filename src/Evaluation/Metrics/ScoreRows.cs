namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Per-row terms of the score metrics, prepared once so that a point estimate or a bootstrap replicate is one pass
/// with integer row weights (how many times each row was drawn): log-loss term, squared error (Brier), calibration
/// bin and gap (accuracy − confidence). Binary rows are kept in ascending score order, with their tie groups, so
/// ROC AUC needs no sort per replicate.
/// </summary>
internal sealed class ScoreRows
{
    /// <summary>The log-loss clipping: np.finfo(float64).eps = 2^−52, sklearn 1.2's <c>eps="auto"</c>.</summary>
    public const double LogLossEpsilon = 2.220446049250313e-16;

    private readonly byte[] _labels;
    private readonly int[] _tieEnds;
    private readonly double[] _loss;
    private readonly double[] _squared;
    private readonly double[] _gap;
    private readonly int[] _bin;

    private ScoreRows(int bins, double[] loss, double[] squared, double[] gap, int[] bin, byte[] labels, int[] tieEnds, int[]? order)
    {
        Bins = bins;
        _loss = loss;
        _squared = squared;
        _gap = gap;
        _bin = bin;
        _labels = labels;
        _tieEnds = tieEnds;
        Order = order;
    }

    public int Bins { get; }

    public int RowCount => _loss.Length;

    /// <summary>Whether ROC AUC is computed (binary rows); the output then starts with it.</summary>
    public bool HasAuc => Order is not null;

    /// <summary>Sorted position → original row (binary rows), or null when rows keep their order.</summary>
    public int[]? Order { get; }

    /// <summary>The number of values written by <see cref="Evaluate"/>.</summary>
    public int MetricCount => HasAuc ? 4 : 3;

    public static ScoreRows Binary(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, int bins)
    {
        CalibrationBins.Validate(bins);
        BinaryInput.RequireSameLength(labels.Length, scores.Length, nameof(scores));
        BinaryInput.RequireLabels(labels);
        BinaryInput.RequireProbabilities(scores, nameof(scores));
        var n = labels.Length;
        var keys = scores.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var sortedLabels = new byte[n];
        var loss = new double[n];
        var squared = new double[n];
        var gap = new double[n];
        var bin = new int[n];
        var tieEnds = new List<int>();
        for (var j = 0; j < n; j++)
        {
            var y = labels[order[j]];
            var p = keys[j];
            sortedLabels[j] = (byte)y;

            // sklearn 1.2: clip p, form the two columns [1 − p, p], renormalise each row, take −log of the true column.
            var clipped = Math.Clamp(p, LogLossEpsilon, 1 - LogLossEpsilon);
            var complement = 1 - clipped;
            var sum = complement + clipped;
            loss[j] = -Math.Log((y == 1 ? clipped : complement) / sum);
            squared[j] = (p - y) * (p - y);
            gap[j] = y - p;
            bin[j] = CalibrationBins.Of(p, bins);
            if (j + 1 == n || keys[j + 1] != p)
            {
                tieEnds.Add(j + 1);
            }
        }

        return new ScoreRows(bins, loss, squared, gap, bin, sortedLabels, [.. tieEnds], order);
    }

    public static ScoreRows Multiclass(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount, int bins)
    {
        CalibrationBins.Validate(bins);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        BinaryInput.RequireSameLength(labels.Length * classCount, probabilities.Length, nameof(probabilities));
        BinaryInput.RequireProbabilities(probabilities, nameof(probabilities));
        var n = labels.Length;
        var loss = new double[n];
        var squared = new double[n];
        var gap = new double[n];
        var bin = new int[n];
        for (var i = 0; i < n; i++)
        {
            var y = labels[i];
            if ((uint)y >= (uint)classCount)
            {
                throw new ArgumentException($"Row {i}: label {y} is outside 0..{classCount - 1}.", nameof(labels));
            }

            var row = probabilities.Slice(i * classCount, classCount);
            double clippedSum = 0, sq = 0, confidence = double.NegativeInfinity;
            var top = 0;
            for (var k = 0; k < classCount; k++)
            {
                var p = row[k];
                clippedSum += Math.Clamp(p, LogLossEpsilon, 1 - LogLossEpsilon);
                var target = k == y ? 1.0 : 0.0;
                sq += (p - target) * (p - target);
                if (p > confidence)
                {
                    confidence = p;
                    top = k;
                }
            }

            loss[i] = -Math.Log(Math.Clamp(row[y], LogLossEpsilon, 1 - LogLossEpsilon) / clippedSum);
            squared[i] = sq;
            gap[i] = (top == y ? 1.0 : 0.0) - confidence;
            bin[i] = CalibrationBins.Of(confidence, bins);
        }

        // No AUC: all rows form one "tie group" and the labels array is only there to keep the pass uniform.
        return new ScoreRows(bins, loss, squared, gap, bin, new byte[n], [n], null);
    }

    /// <summary>
    /// Writes [ROC AUC (binary only), log-loss, Brier, ECE] for rows weighted by <paramref name="weights"/> (empty:
    /// every row once). <paramref name="map"/> (empty: identity) gives the weight index of each of these rows, for a
    /// paired replicate whose weights are laid out in another version's order. One pass, tie group by tie group.
    /// </summary>
    /// <remarks>
    /// ROC AUC is Mann–Whitney: each positive scores 1 for every negative below it and ½ for every tied negative (= the
    /// average-rank formula and sklearn's roc_auc_score). Its sums are exact integers (twice the numerator), so the
    /// result is the correctly rounded ratio; NaN when a class is missing.
    /// </remarks>
    public void Evaluate(ReadOnlySpan<int> weights, ReadOnlySpan<int> map, Span<double> output, Span<double> binSums)
    {
        if (weights.IsEmpty)
        {
            var ones = new int[RowCount];
            Array.Fill(ones, 1);
            Evaluate(ones, [], output, binSums);
            return;
        }

        binSums[..Bins].Clear();
        var mapped = !map.IsEmpty;
        double loss = 0, squared = 0;
        long total = 0, below = 0, positives = 0, twiceNumerator = 0;
        var start = 0;
        foreach (var end in _tieEnds)
        {
            long count = 0, pos = 0;
            for (var j = start; j < end; j++)
            {
                long w = mapped ? weights[map[j]] : weights[j];
                double weight = w;
                count += w;
                pos += w * _labels[j];
                loss += weight * _loss[j];
                squared += weight * _squared[j];
                binSums[_bin[j]] += weight * _gap[j];
            }

            var neg = count - pos;
            twiceNumerator += pos * ((2 * below) + neg);
            below += neg;
            positives += pos;
            total += count;
            start = end;
        }

        var ece = 0.0;
        for (var m = 0; m < Bins; m++)
        {
            ece += Math.Abs(binSums[m]);
        }

        var at = 0;
        if (HasAuc)
        {
            output[at++] = positives == 0 || below == 0 ? double.NaN : twiceNumerator / (2.0 * positives * below);
        }

        output[at++] = total == 0 ? double.NaN : loss / total;
        output[at++] = total == 0 ? double.NaN : squared / total;
        output[at] = total == 0 ? double.NaN : ece / total;
    }
}
