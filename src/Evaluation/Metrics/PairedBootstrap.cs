namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Paired bootstrap of two model versions evaluated on the same rows (from their stored per-row predictions): each
/// replicate resamples the rows once and scores both versions on that resample, so the interval is that of the
/// difference B − A, with the between-row noise the two versions share taken out. An interval that excludes 0
/// (<see cref="MetricInterval.ExcludesZero"/>) marks a significant change. Identical predictions give a difference
/// of exactly 0 in every replicate.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>
    /// Differences of every fairness figure (as <see cref="Bootstrap.Fairness"/>), from the group × y × ŷ_A × ŷ_B
    /// cells resampled by an exact multinomial.
    /// </summary>
    public static BootstrapResult Fairness(
        ReadOnlySpan<int> labels,
        ReadOnlySpan<int> predictionsA,
        ReadOnlySpan<int> predictionsB,
        GroupIndex groups,
        FairnessOptions? fairness = null,
        BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        fairness ??= FairnessOptions.Default;
        fairness.Validate();
        Bootstrap.RequireRows(labels.Length);
        BinaryInput.RequireSameLength(groups.RowCount, labels.Length, nameof(labels));
        BinaryInput.RequireSameLength(groups.RowCount, predictionsA.Length, nameof(predictionsA));
        BinaryInput.RequireSameLength(groups.RowCount, predictionsB.Length, nameof(predictionsB));
        var groupCount = groups.Groups.Count;
        var paired = new long[groupCount * 8];
        var rowGroups = groups.RowGroups;
        for (var i = 0; i < labels.Length; i++)
        {
            int y = labels[i], a = predictionsA[i], b = predictionsB[i];
            if ((uint)(y | a | b) > 1u)
            {
                throw new ArgumentException($"Row {i}: label {y} and predictions {a}, {b} must each be 0 or 1.", nameof(labels));
            }

            paired[(rowGroups[i] << 3) | (y << 2) | (a << 1) | b]++;
        }

        var toA = new int[paired.Length];
        var toB = new int[paired.Length];
        var observedA = new long[groupCount * GroupedConfusion.CellsPerGroup];
        for (var c = 0; c < paired.Length; c++)
        {
            int g = c >> 3, y = (c >> 2) & 1, a = (c >> 1) & 1, b = c & 1;
            toA[c] = (g << 2) | (y << 1) | a;
            toB[c] = (g << 2) | (y << 1) | b;
            observedA[toA[c]] += paired[c];
        }

        var inner = new FairnessStatistic(groups, fairness, observedA);
        return CountBootstrapEngine.Run(new PairedCellStatistic(inner, toA, toB), paired, options ?? BootstrapOptions.Default);
    }

    /// <summary>
    /// Differences of multiclass accuracy, overall and (with <paramref name="groups"/>) per group, from the
    /// group × correct_A × correct_B cells resampled by an exact multinomial.
    /// </summary>
    public static BootstrapResult MulticlassAccuracy(
        ReadOnlySpan<int> labels,
        ReadOnlySpan<int> predictionsA,
        ReadOnlySpan<int> predictionsB,
        GroupIndex? groups = null,
        BootstrapOptions? options = null)
    {
        Bootstrap.RequireRows(labels.Length);
        BinaryInput.RequireSameLength(labels.Length, predictionsA.Length, nameof(predictionsA));
        BinaryInput.RequireSameLength(labels.Length, predictionsB.Length, nameof(predictionsB));
        if (groups is not null)
        {
            BinaryInput.RequireSameLength(groups.RowCount, labels.Length, nameof(labels));
        }

        var groupCount = groups?.Groups.Count ?? 1;
        var rowGroups = groups is null ? [] : groups.RowGroups;
        var paired = new long[groupCount * 4];
        for (var i = 0; i < labels.Length; i++)
        {
            var g = rowGroups.IsEmpty ? 0 : rowGroups[i];
            var a = labels[i] == predictionsA[i] ? 1 : 0;
            var b = labels[i] == predictionsB[i] ? 1 : 0;
            paired[(g << 2) | (a << 1) | b]++;
        }

        var toA = new int[paired.Length];
        var toB = new int[paired.Length];
        for (var c = 0; c < paired.Length; c++)
        {
            toA[c] = ((c >> 2) << 1) | ((c >> 1) & 1);
            toB[c] = ((c >> 2) << 1) | (c & 1);
        }

        var inner = new GroupAccuracyStatistic(groups);
        return CountBootstrapEngine.Run(new PairedCellStatistic(inner, toA, toB), paired, options ?? BootstrapOptions.Default);
    }

    /// <summary>Differences of ROC AUC, log-loss, Brier score and ECE of binary scores (row indices resampled once for both).</summary>
    public static BootstrapResult Scores(
        ReadOnlySpan<int> labels,
        ReadOnlySpan<double> scoresA,
        ReadOnlySpan<double> scoresB,
        int bins = ScoreMetrics.DefaultCalibrationBins,
        BootstrapOptions? options = null)
    {
        Bootstrap.RequireRows(labels.Length);
        var rowsA = ScoreRows.Binary(labels, scoresA, bins);
        var rowsB = ScoreRows.Binary(labels, scoresB, bins);

        // Weights are laid out in A's score order; B's row j is original row OrderB[j], at A position positionA[...].
        var positionA = new int[rowsA.RowCount];
        for (var j = 0; j < positionA.Length; j++)
        {
            positionA[rowsA.Order![j]] = j;
        }

        var mapB = new int[rowsB.RowCount];
        for (var j = 0; j < mapB.Length; j++)
        {
            mapB[j] = positionA[rowsB.Order![j]];
        }

        return RowBootstrapEngine.Run(rowsA, rowsB, mapB, Bootstrap.BinaryScoreNames, options ?? BootstrapOptions.Default);
    }

    /// <summary>Differences of multiclass log-loss, Brier score and top-label ECE (row indices resampled once for both).</summary>
    public static BootstrapResult MulticlassScores(
        ReadOnlySpan<int> labels,
        ReadOnlySpan<double> probabilitiesA,
        ReadOnlySpan<double> probabilitiesB,
        int classCount,
        int bins = ScoreMetrics.DefaultCalibrationBins,
        BootstrapOptions? options = null)
    {
        Bootstrap.RequireRows(labels.Length);
        var rowsA = ScoreRows.Multiclass(labels, probabilitiesA, classCount, bins);
        var rowsB = ScoreRows.Multiclass(labels, probabilitiesB, classCount, bins);
        return RowBootstrapEngine.Run(rowsA, rowsB, null, Bootstrap.MulticlassScoreNames, options ?? BootstrapOptions.Default);
    }
}
