using System.Globalization;
using System.Text;

namespace ModelGrid.Benchmarks.Fairness;

/// <summary>Renders a <see cref="FairnessBenchReport"/> as the markdown that goes into BENCHMARKS.md.</summary>
public static class FairnessMarkdown
{
    public static string Render(FairnessBenchReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var grid = report.Grid;
        var multinomial = report.Multinomial;
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Fairness: the grid's count metrics and bootstrap vs numpy — {report.Started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"- Command: `dotnet run -c Release --project bench/Grid.Benchmarks -- {("fairness " + o.Arguments).Trim()}`; {o.Rounds} alternating rounds of the grid and the numpy cell-multinomial script, the naive script once; run took {report.Duration.TotalMinutes:F1} min."));
        s.AppendLine(Inv($"- Machine: {m.Cpu}; nproc {m.Cores}; {m.Memory} RAM; Linux {m.Kernel}; .NET SDK {m.Sdk}, {m.Runtime}; {NumpyScripts.Python} with numpy {report.NumpyVersion} (run with {string.Join(" and ", NumpyScripts.UnsetVariables)} unset)."));
        s.AppendLine(Inv($"- Other load: CPU time not charged to this process or the scripts it ran was {report.OtherLoadBefore:P0} of all cores in the 3 s before the run and {report.OtherLoadDuring:P0} during it."));
        s.AppendLine(Inv($"- Rows: {o.Rows} synthetic rows, seed {o.Seed}, {SyntheticRows.Levels.Count} groups ({string.Join(", ", SyntheticRows.Levels)}), generated in {report.GenerateMs:F0} ms; the same rows written as {report.RowsFileBytes} bytes of int8 (groups, labels, predictions) for the scripts; observed cells (TN, FP, FN, TP per group): {string.Join(" | ", Enumerable.Range(0, SyntheticRows.Levels.Count).Select(g => Cells(grid[^1], g)))}."));
        s.AppendLine(Inv($"- Bootstrap: B = {o.Replicates} (grid, numpy multinomial), B = {o.NaiveReplicates} (numpy naive), 95 % percentile intervals with linear quantiles; the grid computes all {grid[^1].Intervals.Intervals.Count} metrics of its report (8 rates overall and per group, their aggregates, Fairlearn's named disparities by both methods, AIF360 with privileged group {GridFairnessRun.PrivilegedLevel}), the scripts {report.VersusMultinomial.Count} (selection rate, TPR, FPR overall and per group, their differences between groups)."));
        s.AppendLine();
        s.AppendLine("### Time, ms (loading the rows excluded)");
        s.AppendLine();
        s.AppendLine("| side | step | min | median | max | first pass of the process |");
        s.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        Row(s, "grid", "`GroupIndex.Create` (once per evaluation set)", grid.Select(g => g.IndexMs), report.GridCold.IndexMs);
        Row(s, "grid", "`GroupedConfusion.Count` (the pass over the rows)", grid.Select(g => g.CountMs), report.GridCold.CountMs);
        Row(s, "grid", "`FairnessMetrics.Evaluate`", grid.Select(g => g.EvaluateMs), report.GridCold.EvaluateMs);
        Row(s, "grid", Inv($"`Bootstrap.Fairness`, B = {o.Replicates}"), grid.Select(g => g.BootstrapMs), report.GridCold.BootstrapMs);
        Row(s, "grid", "count metrics: evaluate + bootstrap", grid.Select(g => g.CountMetricsMs), report.GridCold.CountMetricsMs);
        Row(s, "grid", "**total**: index + count + evaluate + bootstrap", grid.Select(g => g.TotalMs), report.GridCold.TotalMs);
        Row(s, "numpy multinomial", "load `np.fromfile` (excluded)", multinomial.Select(r => r.LoadMs), null);
        Row(s, "numpy multinomial", "count pass (cell code + `np.bincount`)", multinomial.Select(r => r.CountMs[^1]), Median(multinomial.Select(r => r.CountMs[0])));
        Row(s, "numpy multinomial", Inv($"bootstrap (`rng.multinomial(N, p, size={o.Replicates})`, rates, `np.quantile`)"), multinomial.Select(r => r.BootstrapMs[^1]), Median(multinomial.Select(r => r.BootstrapMs[0])));
        Row(s, "numpy multinomial", "**total**: count pass + bootstrap", multinomial.Select(r => r.TotalMs), Median(multinomial.Select(r => r.CountMs[0] + r.BootstrapMs[0])));
        Row(s, "numpy naive", "load `np.fromfile` (excluded)", [report.Naive.LoadMs], null);
        Row(s, "numpy naive", Inv($"**total**: estimates from the rows + {o.NaiveReplicates} × (N index draws, gather, `np.bincount`) + `np.quantile` (once)"), [report.Naive.TotalMs], null);
        s.AppendLine();
        s.AppendLine("The first-pass column: for the grid the untimed pass before the rounds (JIT included); for numpy the median over the rounds of the first repetition in each process (the timed figure is the second).");
        s.AppendLine();
        var best = report.NumpyBestMs;
        var total = report.GridTotal.Median;
        var countMetrics = report.GridCountMetrics.Median;
        s.AppendLine("### Ratios (medians) and goals");
        s.AppendLine();
        s.AppendLine(Inv($"- numpy multinomial total ÷ grid total = {report.MultinomialTotal.Median / total:F1}; numpy naive total ÷ grid total = {report.Naive.TotalMs / total:F0}."));
        s.AppendLine(Inv($"- Count pass: numpy {Median(multinomial.Select(r => r.CountMs[^1])):F2} ms ÷ grid index + count {Median(grid.Select(g => g.IndexMs + g.CountMs)):F2} ms = {Median(multinomial.Select(r => r.CountMs[^1])) / Median(grid.Select(g => g.IndexMs + g.CountMs)):F2}; bootstrap: numpy {Median(multinomial.Select(r => r.BootstrapMs[^1])):F2} ms ÷ grid evaluate + bootstrap {countMetrics:F2} ms = {Median(multinomial.Select(r => r.BootstrapMs[^1])) / countMetrics:F2}."));
        s.AppendLine(Inv($"- Goal at least as fast as numpy's best ({best:F2} ms): grid total {total:F2} ms, ratio numpy ÷ grid {best / total:F2} ({Verdict(total <= best)})."));
        s.AppendLine(Inv($"- Goal count metrics ≤ {FairnessBenchReport.CountMetricsGoalMs:F0} ms: {countMetrics:F2} ms ({Verdict(countMetrics <= FairnessBenchReport.CountMetricsGoalMs)})."));
        s.AppendLine();
        s.AppendLine("### Checks (same rows, same counts; different generators)");
        s.AppendLine();
        s.AppendLine(Inv($"- Cells: grid's `GroupedConfusion` equal to numpy's `np.bincount` in every round: {(report.CellsEqual ? "yes" : "**NO**")}."));
        s.AppendLine(Inv($"- Point estimates exactly equal (bit for bit): multinomial script {report.VersusMultinomial.Count(c => c.EstimateEqual)}/{report.VersusMultinomial.Count} (from its counts), naive script {report.VersusNaive.Count(c => c.EstimateEqual)}/{report.VersusNaive.Count} (from the rows with per-group masks)."));
        s.AppendLine(Inv($"- Interval endpoints within tolerance (4 standard errors of the difference of two percentile estimates, ≈ {4 * 2.671 * Math.Sqrt(2.0 / o.Replicates) / 3.92:P1} of the width at B = {o.Replicates} on both sides): multinomial {report.VersusMultinomial.Count(c => c.WithinTolerance)}/{report.VersusMultinomial.Count}, naive {report.VersusNaive.Count(c => c.WithinTolerance)}/{report.VersusNaive.Count}."));
        s.AppendLine();
        s.AppendLine("| metric | estimate | grid 95 % interval | numpy multinomial | deviation ÷ tolerance | numpy naive | deviation ÷ tolerance |");
        s.AppendLine("| --- | ---: | --- | --- | ---: | --- | ---: |");
        foreach (var c in report.VersusMultinomial)
        {
            var n = report.VersusNaive.Single(v => v.Metric == c.Metric);
            s.AppendLine(Inv($"| `{c.Metric}` | {c.Grid.Estimate:F6} | [{c.Grid.Lower:F6}, {c.Grid.Upper:F6}] | [{c.NumpyLower:F6}, {c.NumpyUpper:F6}] | {c.Deviation / c.Tolerance:F2} | [{n.NumpyLower:F6}, {n.NumpyUpper:F6}] | {n.Deviation / n.Tolerance:F2} |"));
        }

        return s.ToString();
    }

    private static void Row(StringBuilder s, string side, string step, IEnumerable<double> values, double? first)
    {
        var samples = new Samples([.. values]);
        s.AppendLine(Inv($"| {side} | {step} | {samples.Min:F2} | {samples.Median:F2} | {samples.Max:F2} | {(first is { } f ? f.ToString("F2", CultureInfo.InvariantCulture) : "")} |"));
    }

    private static string Cells(GridFairnessRun run, int group)
    {
        var c = run.Counts[group];
        return Inv($"{SyntheticRows.Levels[group]} {c.TrueNegatives}, {c.FalsePositives}, {c.FalseNegatives}, {c.TruePositives}");
    }

    private static double Median(IEnumerable<double> values) => new Samples([.. values]).Median;

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
