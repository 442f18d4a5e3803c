using System.Buffers;
using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// The bootstrap of count metrics: each replicate draws the cell counts from Multinomial(N, observed frequencies) —
/// the exact distribution of the counts of N rows resampled with replacement — and re-evaluates the statistic. No
/// replicate touches the rows, so the cost is B × (cells + metrics), whatever N is.
/// </summary>
/// <remarks>
/// The hot loops here and in the sampler, the statistics and the percentiles are compiled fully optimised on their
/// first call: a bootstrap runs a few times per model version, too rarely for tiered compilation to promote them
/// before the work is done (in the fairness benchmark, runs within seconds of the first took 12–35 ms against 3.4–7.8 ms
/// fully optimised).
/// </remarks>
internal static class CountBootstrapEngine
{
    public static BootstrapResult Run(ICellStatistic statistic, ReadOnlySpan<long> observed, BootstrapOptions options)
    {
        options.Validate();
        var names = statistic.Names;
        var metrics = names.Count;
        var b = options.Replicates;
        var estimates = new double[metrics];
        statistic.Evaluate(observed, estimates);

        var sampler = new MultinomialSampler(observed);
        var streams = Xoshiro256StarStar.ReplicateStreams(options.Seed, b);
        // Pooled: the matrix is large (metrics × B doubles) and would otherwise be a fresh large-object allocation per call.
        var samples = ArrayPool<double>.Shared.Rent(metrics * b);
        try
        {
            Replicates(statistic, sampler, streams, samples);
            return BootstrapSummary.Summarize(names, estimates, samples, options, BootstrapResampling.CellMultinomial);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(samples);
        }
    }

    /// <summary>samples[m·B + r] = metric m of replicate r, replicate r drawn from streams[r].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Replicates(ICellStatistic statistic, MultinomialSampler sampler, Xoshiro256StarStar[] streams, double[] samples)
    {
        var b = streams.Length;
        var metrics = statistic.Names.Count;
        var cells = new long[statistic.CellCount];
        var values = new double[metrics];
        for (var r = 0; r < b; r++)
        {
            sampler.Sample(ref streams[r], cells);
            statistic.Evaluate(cells, values);
            for (var m = 0; m < metrics; m++)
            {
                samples[(m * b) + r] = values[m];
            }
        }
    }
}
