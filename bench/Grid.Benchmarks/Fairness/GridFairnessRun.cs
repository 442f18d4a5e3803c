using System.Diagnostics;
using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Benchmarks.Fairness;

/// <summary>One timed pass of the grid's fairness code over the rows: index, count, evaluate, bootstrap.</summary>
/// <param name="IndexMs"><see cref="GroupIndex.Create"/>: once per evaluation set.</param>
/// <param name="CountMs"><see cref="GroupedConfusion.Count"/>: the one pass over the rows per model version.</param>
/// <param name="EvaluateMs"><see cref="FairnessMetrics.Evaluate(GroupedConfusion, FairnessOptions?)"/>.</param>
/// <param name="BootstrapMs"><see cref="Bootstrap.Fairness"/>.</param>
/// <param name="Counts">The counts the pass produced.</param>
/// <param name="Intervals">The bootstrap result (estimates and intervals of every metric).</param>
public sealed record GridFairnessRun(double IndexMs, double CountMs, double EvaluateMs, double BootstrapMs, GroupedConfusion Counts, BootstrapResult Intervals)
{
    /// <summary>The privileged group, so that the AIF360 metrics are part of the work too.</summary>
    public const string PrivilegedLevel = "A";

    /// <summary>Evaluate + bootstrap: the count metrics once the cells are counted.</summary>
    public double CountMetricsMs => EvaluateMs + BootstrapMs;

    /// <summary>Index + count + evaluate + bootstrap: what the numpy scripts' count pass + bootstrap compare with.</summary>
    public double TotalMs => IndexMs + CountMs + EvaluateMs + BootstrapMs;

    public static GridFairnessRun Measure(SyntheticRows rows, int replicates, ulong seed)
    {
        var options = FairnessOptions.Default with { PrivilegedGroup = [PrivilegedLevel] };
        var started = Stopwatch.GetTimestamp();
        var index = GroupIndex.Create(new SensitiveFeature("group", rows.Groups, SyntheticRows.Levels));
        var indexed = Stopwatch.GetTimestamp();
        var counts = GroupedConfusion.Count(rows.Labels, rows.Predictions, index);
        var counted = Stopwatch.GetTimestamp();
        var report = FairnessMetrics.Evaluate(counts, options);
        var evaluated = Stopwatch.GetTimestamp();
        var intervals = Bootstrap.Fairness(counts, options, new BootstrapOptions { Replicates = replicates, Seed = seed });
        var finished = Stopwatch.GetTimestamp();
        GC.KeepAlive(report);
        return new GridFairnessRun(Ms(started, indexed), Ms(indexed, counted), Ms(counted, evaluated), Ms(evaluated, finished), counts, intervals);
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
