using System.Globalization;
using System.Runtime.CompilerServices;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>Turns a metric-major matrix of replicate values into percentile intervals.</summary>
internal static class BootstrapSummary
{
    /// <param name="names">Metric names.</param>
    /// <param name="estimates">The value of each metric on the observed data.</param>
    /// <param name="samples">samples[m·B + r]: metric m in replicate r.</param>
    /// <param name="options">Replicates, seed and level.</param>
    /// <param name="resampling">How the replicates were drawn.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BootstrapResult Summarize(
        IReadOnlyList<string> names, ReadOnlySpan<double> estimates, double[] samples, BootstrapOptions options, BootstrapResampling resampling)
    {
        var b = options.Replicates;
        var (lowerQ, upperQ) = options.Quantiles;
        var intervals = new MetricInterval[names.Count];
        var warnings = new List<MetricWarning>();
        var buffer = new double[b];
        for (var m = 0; m < names.Count; m++)
        {
            var (lower, upper, valid) = Percentile.Interval(samples.AsSpan(m * b, b), lowerQ, upperQ, buffer);
            var undefined = b - valid;
            intervals[m] = new MetricInterval(names[m], estimates[m], lower, upper, valid, undefined);
            if (undefined > 0)
            {
                warnings.Add(new MetricWarning(
                    MetricWarningKind.UndefinedReplicates,
                    names[m],
                    string.Create(CultureInfo.InvariantCulture, $"{names[m]} was undefined in {undefined} of {b} replicates; the interval uses the other {valid}.")));
            }
        }

        return new BootstrapResult(intervals, b, options.Seed, options.ConfidenceLevel, resampling, warnings);
    }
}
