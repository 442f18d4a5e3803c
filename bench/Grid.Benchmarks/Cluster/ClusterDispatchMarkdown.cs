using System.Globalization;
using System.Text;
using ModelGrid.Benchmarks.Dispatch;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>Renders a <see cref="ClusterDispatchReport"/> as the markdown that goes into BENCHMARKS.md.</summary>
public static class ClusterDispatchMarkdown
{
    public static string Render(ClusterDispatchReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Cluster dispatch: worker silos as processes on Azurite — {report.Started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"- Command: `dotnet run -c Release --project bench/Grid.Benchmarks -- {("cluster-dispatch " + o.Arguments).Trim()}`; {report.Results.Count} cells in {o.Rounds} rounds (plus an untimed warm-up of {o.WarmupJobs} no-op jobs on both workers); run took {report.Duration.TotalMinutes:F1} min."));
        s.AppendLine(Inv($"- Machine: {m.Cpu}; nproc {m.Cores} (the API silo, both worker processes and Azurite share them); {m.Memory} RAM; Linux {m.Kernel}; .NET SDK {m.Sdk}, {m.Runtime}, workstation GC; {report.Versions}."));
        s.AppendLine(Inv($"- Other load: CPU time not charged to this run's processes was {report.OtherLoadBefore:P0} of all cores in the 3 s before the run and {report.OtherLoadDuring:P0} during it; load average {report.LoadAverage}."));
        s.AppendLine(Inv($"- Setup: one Azurite (blob + table); the API silo in the benchmark's process submits; two worker silo processes (the benchmark's executable, `cluster-worker`), each with {o.Slots} worker loops; Azure Table membership and reminders, Orleans' Azure blob grain storage, the grid's `ConfigureGridCluster` (failure detection relaxed to 10 s probes, three missed, for a loaded host); {o.Partitions} CPU queue partitions; lease {new Grains.Evaluations.JobOptions().LeaseSeconds} s; jobs submitted with {o.SubmitConcurrency} in flight, then the worker service started on one or both worker silos. Busy jobs hold their slot {o.Hold.TotalMilliseconds:F0} ms without CPU (a stand-in for a run on a worker's own accelerator; CPU-bound jobs could not show a second worker on one 2-core host). Both worker silos stay in the cluster throughout and host grains; a one-worker cell runs the worker service on one of them (alternating by round)."));
        s.AppendLine();
        Summary(s, report);
        Cells(s, report);
        Calls(s, report);
        Goals(s, report);
        return s.ToString();
    }

    private static void Summary(StringBuilder s, ClusterDispatchReport report)
    {
        s.AppendLine("### Medians over the rounds");
        s.AppendLine();
        s.AppendLine("| suite | 1 worker: jobs/min | 2 workers: jobs/min | 2 ÷ 1, median of the rounds (min–max) | lease-to-start p50 ms, median: 1 / 2 workers | grain calls per job: 1 / 2 | reminder-table ops per job: 1 / 2 |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var suite in new[] { ClusterSuite.NoOp, ClusterSuite.Busy })
        {
            var ratios = report.Ratios(suite);
            if (ratios.Values.Count == 0)
            {
                continue;
            }

            s.AppendLine(Inv($"| {Name(suite, report.Options)} | {report.MedianJobsPerMinute(suite, 1):F0} | {report.MedianJobsPerMinute(suite, 2):F0} | {ratios.Median:F2} ({ratios.Min:F2}–{ratios.Max:F2}) | {Median(report, suite, 1, r => r.GrantToStart.P50):F2} / {Median(report, suite, 2, r => r.GrantToStart.P50):F2} | {Median(report, suite, 1, r => r.CallsPerJob):F2} / {Median(report, suite, 2, r => r.CallsPerJob):F2} | {Median(report, suite, 1, Reminders):F2} / {Median(report, suite, 2, Reminders):F2} |"));
        }

        s.AppendLine();
    }

    private static void Cells(StringBuilder s, ClusterDispatchReport report)
    {
        s.AppendLine("### Every cell, in the order they ran");
        s.AppendLine();
        s.AppendLine("| round | suite | workers | jobs | submit jobs/s | drain s | jobs/min | lease-to-start p50 / p99 ms | jobs per worker | checks |");
        s.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in report.Results)
        {
            var checks = r.Checked ? "ok" : Inv($"**{r.Completed} completed, {r.DistinctRun} run, {r.RunTwice} twice, {r.QueuedAfter} queued**");
            s.AppendLine(Inv($"| {r.Cell.Round} | {r.Cell.Suite} | {r.Cell.Workers} | {r.Cell.Jobs} | {r.Cell.Jobs / r.SubmitSeconds:F0} | {r.DrainSeconds:F2} | {r.JobsPerMinute:F0} | {r.GrantToStart.P50:F2} / {r.GrantToStart.P99:F2} | {string.Join(" / ", r.PerWorker)} | {checks} |"));
        }

        s.AppendLine();
    }

    private static void Calls(StringBuilder s, ClusterDispatchReport report)
    {
        var cell = report.Results.LastOrDefault(r => r.Cell.Suite == ClusterSuite.NoOp && r.Cell.Workers == 2);
        if (cell is null)
        {
            return;
        }

        s.AppendLine(Inv($"### Grain calls and reminder-table operations per job: round {cell.Cell.Round}, no-op, 2 workers, {cell.Cell.Jobs} jobs (every silo, caller's view, request to response)"));
        s.AppendLine();
        GrainCallTable.Write(s, cell.Calls, cell.Cell.Jobs);

        s.AppendLine();
        s.AppendLine("| reminder-table operation | count | per job |");
        s.AppendLine("| --- | ---: | ---: |");
        foreach (var (name, count) in cell.ReminderOps.OrderByDescending(c => c.Value))
        {
            s.AppendLine(Inv($"| {name} | {count} | {(double)count / cell.Cell.Jobs:F2} |"));
        }

        s.AppendLine();
        var rates = report.Results.SelectMany(r => r.MembershipPerSiloMinute).GroupBy(m => m.Key, StringComparer.Ordinal).ToList();
        if (rates.Count > 0)
        {
            s.AppendLine("Membership-table operations per silo per minute (median over the cells; three silos, the grid's default timings — table read every 5 s, I-am-alive every 30 s):");
            s.AppendLine();
            s.AppendLine("| membership-table operation | per silo per minute |");
            s.AppendLine("| --- | ---: |");
            foreach (var group in rates.OrderByDescending(g => g.Sum(m => m.Value)))
            {
                s.AppendLine(Inv($"| {group.Key} | {new Common.Samples([.. group.Select(m => m.Value)]).Median:F1} |"));
            }

            s.AppendLine();
        }
    }

    private static void Goals(StringBuilder s, ClusterDispatchReport report)
    {
        s.AppendLine("### Goals");
        s.AppendLine();
        var noOp = report.Results.Where(r => r.Cell.Suite == ClusterSuite.NoOp).ToList();
        if (noOp.Count > 0)
        {
            var met = noOp.Count(r => r.JobsPerMinute >= ClusterDispatchReport.NoOpGoal);
            s.AppendLine(Inv($"- No-op jobs ≥ {ClusterDispatchReport.NoOpGoal:F0} jobs/min: {met} of {noOp.Count} cells; medians {report.MedianJobsPerMinute(ClusterSuite.NoOp, 1):F0} (1 worker) and {report.MedianJobsPerMinute(ClusterSuite.NoOp, 2):F0} (2 workers) ({Verdict(met == noOp.Count)})."));
        }

        var busy = report.Ratios(ClusterSuite.Busy);
        if (busy.Values.Count > 0)
        {
            s.AppendLine(Inv($"- Busy jobs, two workers ≥ {ClusterDispatchReport.ScalingGoal:F1}× one: median ratio {busy.Median:F2}, {busy.Values.Count(v => v >= ClusterDispatchReport.ScalingGoal)} of {busy.Values.Count} rounds ({Verdict(busy.Median >= ClusterDispatchReport.ScalingGoal)})."));
        }

        var fast = report.Results.Count(r => r.GrantToStart.P50 < ClusterDispatchReport.LeaseToStartGoalMs);
        var median = new Common.Samples([.. report.Results.Select(r => r.GrantToStart.P50)]).Median;
        s.AppendLine(Inv($"- Lease-to-start median < {ClusterDispatchReport.LeaseToStartGoalMs:F0} ms: {fast} of {report.Results.Count} cells; median of the cells' medians {median:F2} ms ({Verdict(median < ClusterDispatchReport.LeaseToStartGoalMs)})."));
        s.AppendLine(Inv($"- Checks (each job run once on one worker, all results accepted, nothing left queued): {(report.ChecksPassed ? "passed in every cell" : "**FAILED** in at least one cell")}."));
    }

    private static double Median(ClusterDispatchReport report, ClusterSuite suite, int workers, Func<ClusterCellResult, double> value) =>
        report.Of(suite, workers).Any() ? new Common.Samples([.. report.Of(suite, workers).Select(value)]).Median : double.NaN;

    private static double Reminders(ClusterCellResult r) => r.ReminderOps.Values.Sum() / (double)r.Cell.Jobs;

    private static string Name(ClusterSuite suite, ClusterDispatchOptions options) =>
        suite == ClusterSuite.NoOp ? Inv($"no-op ({options.NoOpJobs} jobs)") : Inv($"busy ({options.BusyJobs} jobs × {options.Hold.TotalMilliseconds:F0} ms)");

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
