using System.Globalization;
using System.Text;
using ModelGrid.Benchmarks.Dispatch;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>Renders a <see cref="SimulationReport"/> as the markdown that goes into BENCHMARKS.md.</summary>
public static class SimulationMarkdown
{
    private const string Header = "| lease call p50 / p99 ms | lease-to-start p50 / p99 ms | submit jobs/s | drain jobs/s | grain calls per job | of which empty polls | state writes per job | reminder ops per job | idle polls per loop per s (all loops) | checks |";
    private const string Rule = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";

    public static string Render(SimulationReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Dispatch simulation: {o.Silos} silos in one process — {report.Started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"- Command: `dotnet run -c Release --project bench/Grid.Benchmarks -- {("dispatch-simulation " + o.Arguments).Trim()}`; {report.Results.Count} cells (plus an untimed warm-up of {o.WarmupJobs} jobs); run took {report.Duration.TotalMinutes:F1} min, of which {report.StartSeconds:F0} s starting the silos."));
        s.AppendLine(Inv($"- Machine: {m.Cpu}; nproc {m.Cores}; {m.Memory} RAM; Linux {m.Kernel}; .NET SDK {m.Sdk}, {m.Runtime}, workstation GC; {report.Versions}."));
        s.AppendLine(Inv($"- Other load: CPU time not charged to this process was {report.OtherLoadBefore:P0} of all cores in the 3 s before the run and {report.OtherLoadDuring:P0} during it; load average {report.LoadAverage}."));
        s.AppendLine(Inv($"- Setup: {o.Silos} real silos in one process, clustered over loopback TCP (development membership on the first), each with the grid's grains, `EvaluationSubmitter` and `EvaluationWorker` (no-op executor); worker loops spread evenly over all silos; jobs submitted through the silos' submitters in turn, {o.SubmitConcurrency} in flight; lease {new Grains.Evaluations.JobOptions().LeaseSeconds} s. Storage costs nothing: grain state is kept in memory (one store for all silos, ETags checked), one in-memory reminder table, the partitions' logs in a scratch folder without fsync — so the figures are the dispatch protocol's own cost (messages, grain turns, scheduling) on {m.Cores} shared cores, a lower bound for any real store. After each drain the workers keep polling the empty queue; once their pauses have grown to the longest ({o.IdleSettle.TotalSeconds:0.##} s later) the partition calls are counted for {o.IdleSeconds:F0} s."));
        s.AppendLine();

        var p0 = o.Partitions[0];
        s.AppendLine(Inv($"### By queue length: {o.QueueLoops} worker loops, {p0} partitions"));
        s.AppendLine();
        s.AppendLine("| queued " + Header);
        s.AppendLine("| ---: " + Rule);
        foreach (var r in report.Results.Where(r => r.Cell.Loops == o.QueueLoops && r.Cell.Partitions == p0 && o.QueueLengths.Contains(r.Cell.Jobs)).OrderBy(r => r.Cell.Jobs))
        {
            s.AppendLine(Inv($"| {r.Cell.Jobs} {Row(r)}"));
        }

        s.AppendLine();
        s.AppendLine(Inv($"### By worker loops: {o.SweepJobs} jobs queued, {p0} partitions (other partition counts below the line)"));
        s.AppendLine();
        s.AppendLine("| loops | loops per silo | partitions " + Header);
        s.AppendLine("| ---: | ---: | ---: " + Rule);
        var sweep = report.Results.Where(r => r.Cell.Jobs == o.SweepJobs).OrderBy(r => r.Cell.Partitions != p0).ThenBy(r => r.Cell.Loops).ThenBy(r => r.Cell.Partitions);
        foreach (var r in sweep)
        {
            s.AppendLine(Inv($"| {r.Cell.Loops} | {(double)r.Cell.Loops / o.Silos:0.#} | {r.Cell.Partitions} {Row(r)}"));
        }

        s.AppendLine();
        s.AppendLine("Columns: *lease call* is the worker's `IJobQueueGrain.TryLease` that granted a lease, as the worker saw it (the partition's turn, the job grain's lease write, the log append and both messages); *lease-to-start* is from the job grain granting the lease to the executor starting. *Grain calls per job* counts every call to the grid's grains any silo made during submit and drain; *empty polls* are the `TryLease` calls that found nothing (a loop tries every partition before it pauses). *Idle polls* are the partition calls per loop per second while the queue stood empty after the drain, and in brackets for all loops together. *Checks*: every job ran exactly once, every result was accepted, nothing left queued.");
        s.AppendLine();
        Calls(s, report);
        s.AppendLine(Inv($"- Checks: {(report.ChecksPassed ? "passed in every cell" : "**FAILED** in at least one cell")}."));
        return s.ToString();
    }

    private static string Row(SimulationCellResult r)
    {
        var checks = r.Checked ? "ok" : Inv($"**{r.Completed} completed, {r.DistinctRun} run, {r.RunTwice} twice, {r.QueuedAfter} queued**");
        return Inv($"| {r.LeaseCall.P50:F2} / {r.LeaseCall.P99:F2} | {r.GrantToStart.P50:F2} / {r.GrantToStart.P99:F2} | {r.Cell.Jobs / r.SubmitSeconds:F0} | {r.JobsPerSecond:F0} | {r.CallsPerJob:F2} | {r.EmptyPollsPerJob:F2} | {r.WritesPerJob:F2} | {r.RemindersPerJob:F2} | {r.IdleCallsPerLoopSecond:F1} ({r.IdleCalls / r.IdleSeconds:F0}/s) | {checks} |");
    }

    private static void Calls(StringBuilder s, SimulationReport report)
    {
        var cell = report.Results.OrderByDescending(r => r.Cell.Jobs).ThenByDescending(r => r.Cell.Loops).FirstOrDefault();
        if (cell is null)
        {
            return;
        }

        s.AppendLine(Inv($"### Grain calls, state writes and reminder operations per job: {cell.Cell.Jobs} jobs, {cell.Cell.Loops} loops, {cell.Cell.Partitions} partitions"));
        s.AppendLine();
        GrainCallTable.Write(s, cell.Calls, cell.Cell.Jobs);

        s.AppendLine();
        s.AppendLine("| state written (or cleared) / reminder-table operation | count | per job |");
        s.AppendLine("| --- | ---: | ---: |");
        foreach (var (name, count) in cell.StateWrites.OrderByDescending(c => c.Value))
        {
            s.AppendLine(Inv($"| state `{name}` | {count} | {(double)count / cell.Cell.Jobs:F2} |"));
        }

        foreach (var (name, count) in cell.ReminderOps.OrderByDescending(c => c.Value))
        {
            s.AppendLine(Inv($"| reminders: {name} | {count} | {(double)count / cell.Cell.Jobs:F2} |"));
        }

        s.AppendLine();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
