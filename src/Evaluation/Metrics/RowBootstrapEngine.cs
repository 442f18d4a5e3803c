namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// The bootstrap of score metrics (ROC AUC, log-loss, Brier, ECE), which need the rows themselves: each replicate
/// draws N row indices uniformly with replacement (index resampling, Lemire's unbiased bounded integers) and
/// evaluates the metrics with each row weighted by how often it was drawn — the same values as on the materialised
/// resample, without copying rows or sorting again. Replicates run in parallel, each on its own generator stream
/// and output slot, so the result does not depend on the thread count.
/// </summary>
internal static class RowBootstrapEngine
{
    /// <summary>
    /// Intervals of <paramref name="first"/>'s metrics or, with <paramref name="second"/>, of second − first on the
    /// same resampled rows (<paramref name="secondMap"/>: second's row j has weight index secondMap[j]).
    /// </summary>
    public static BootstrapResult Run(
        ScoreRows first, ScoreRows? second, int[]? secondMap, IReadOnlyList<string> names, BootstrapOptions options)
    {
        options.Validate();
        var metrics = first.MetricCount;
        var n = first.RowCount;
        var b = options.Replicates;
        var estimates = new double[metrics];
        Evaluate(first, second, secondMap, [], estimates, new Workspace(0, metrics, first.Bins));

        var streams = Xoshiro256StarStar.ReplicateStreams(options.Seed, b);
        var samples = new double[metrics * b];
        Parallel.For(
            0,
            b,
            () => new Workspace(n, metrics, first.Bins),
            (r, _, workspace) =>
            {
                var random = streams[r];
                var weights = workspace.Weights;
                Array.Clear(weights);
                for (var i = 0; i < n; i++)
                {
                    weights[random.NextBelow((ulong)n)]++;
                }

                Evaluate(first, second, secondMap, weights, workspace.Values, workspace);
                for (var m = 0; m < metrics; m++)
                {
                    samples[(m * b) + r] = workspace.Values[m];
                }

                return workspace;
            },
            _ => { });

        return BootstrapSummary.Summarize(names, estimates, samples, options, BootstrapResampling.RowIndex);
    }

    private static void Evaluate(ScoreRows first, ScoreRows? second, int[]? secondMap, int[] weights, double[] values, Workspace workspace)
    {
        first.Evaluate(weights, [], values, workspace.BinSums);
        if (second is null)
        {
            return;
        }

        second.Evaluate(weights, weights.Length == 0 ? [] : secondMap, workspace.Second, workspace.BinSums);
        for (var m = 0; m < values.Length; m++)
        {
            values[m] = workspace.Second[m] - values[m];
        }
    }

    private sealed class Workspace(int rows, int metrics, int bins)
    {
        public int[] Weights { get; } = new int[rows];

        public double[] Values { get; } = new double[metrics];

        public double[] Second { get; } = new double[metrics];

        public double[] BinSums { get; } = new double[bins];
    }
}
