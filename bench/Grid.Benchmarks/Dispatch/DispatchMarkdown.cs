using System.Globalization;
using System.Text;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>Renders a <see cref="DispatchBenchReport"/> as the markdown that goes into BENCHMARKS.md.</summary>
public static class DispatchMarkdown
{
    public static string Render(DispatchBenchReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Dispatch: no-op jobs through the grid's submitter, queue partitions and worker — {report.Started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"- Command: `dotnet run -c Release --project bench/Grid.Benchmarks -- {("dispatch " + o.Arguments).Trim()}`; {report.Results.Count} cells (plus one untimed warm-up cell of {DispatchBenchOptions.WarmupJobs} jobs per store); run took {report.Duration.TotalMinutes:F1} min."));
        s.AppendLine(Inv($"- Machine: {m.Cpu}; nproc {m.Cores} (silo, worker, submitter and Azurite share them); {m.Memory} RAM; Linux {m.Kernel}; .NET SDK {m.Sdk}, {m.Runtime}, workstation GC; {report.Versions}."));
        s.AppendLine(Inv($"- Other load: CPU time not charged to this process or the servers it ran was {report.OtherLoadBefore:P0} of all cores in the 3 s before the run and {report.OtherLoadDuring:P0} during it."));
        s.AppendLine(Inv($"- Setup: one silo in process per cell, from empty storage; {o.Partitions} CPU queue partitions; jobs submitted with {o.SubmitConcurrency} `EvaluationSubmitter.SubmitAsync` calls in flight, then the worker started with N loops; lease {new Grains.Evaluations.JobOptions().LeaseSeconds} s; thread pool minimum {(o.MinThreads > 0 ? Inv($"{o.MinThreads} worker threads (`--min-threads`)") : "the runtime's default")}."));
        s.AppendLine();
        foreach (var store in new[] { DispatchStore.Embedded, DispatchStore.Azurite })
        {
            var results = report.On(store).OrderBy(r => r.Cell.Loops).ThenBy(r => r.Cell.Jobs).ToList();
            if (results.Count == 0)
            {
                continue;
            }

            s.AppendLine(store == DispatchStore.Embedded
                ? "### Embedded store (`FileGrainStorage` + folder blob store, durable: fsync)"
                : "### Azurite (Orleans' `AzureBlobGrainStorage` + the Azure blob store for the queue logs)");
            s.AppendLine();
            s.AppendLine("| queued | loops | submit jobs/s | submit p50 / p99 ms | drain s | jobs/s | jobs/min | lease-to-start p50 / p99 ms | receipt-to-start p50 / p99 ms | lease call p50 / p99 ms | checks |");
            s.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var r in results)
            {
                s.AppendLine(Inv($"| {r.Cell.Jobs} | {r.Cell.Loops} | {r.SubmitPerSecond:F0} | {r.SubmitLatency.P50:F1} / {r.SubmitLatency.P99:F1} | {r.DrainSeconds:F2} | {r.JobsPerSecond:F0} | {r.JobsPerMinute:F0} | {r.GrantToStart.P50:F2} / {r.GrantToStart.P99:F2} | {r.ReceiptToStart.P50:F2} / {r.ReceiptToStart.P99:F2} | {r.LeaseCall.P50:F2} / {r.LeaseCall.P99:F2} | {Checks(r)} |"));
            }

            s.AppendLine();
            s.AppendLine("| queued | loops | this process CPU ms/job: submit / drain | Azurite CPU ms/job: submit / drain | gen-2 GCs | pool threads, most: submit / drain | work items waiting for a thread, mean: submit / drain |");
            s.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var r in results)
            {
                var server = store == DispatchStore.Azurite ? $"{Cpu(r.ServerSubmitCpu, r.Cell.Jobs)} / {Cpu(r.ServerDrainCpu, r.Cell.Jobs)}" : "–";
                s.AppendLine(Inv($"| {r.Cell.Jobs} | {r.Cell.Loops} | {Cpu(r.SubmitCpu, r.Cell.Jobs)} / {Cpu(r.DrainCpu, r.Cell.Jobs)} | {server} | {r.Gen2Collections} | {r.SubmitPool.ThreadsMax} / {r.DrainPool.ThreadsMax} | {r.SubmitPool.PendingMean:F1} / {r.DrainPool.PendingMean:F1} |"));
            }

            s.AppendLine();
        }

        s.AppendLine("Columns: *lease-to-start* is from the job grain granting the lease (its clock, read back from the lease's expiry) to the no-op executor starting — it contains the job grain's write of the lease, the partition's log append, the trip back to the worker and the worker's set-up; *receipt-to-start* is only the last part, from the lease reaching the worker's loop; *lease call* is the worker's `IJobQueueGrain.TryLease` that granted it. CPU is `utime + stime` from `/proc` (this process holds the silo, the worker and the submitter) per job of the phase. *Checks*: every job ran exactly once, every result was accepted, no submission was deduplicated and no partition offers anything afterwards; finished ids stay in the partitions' in-flight index until their lease time has passed (dropped lazily by the sweep), which the column shows as *watched*.");
        s.AppendLine();
        CallTables(s, report);
        Comparison(s, report);
        Goals(s, report);
        return s.ToString();
    }

    private static void CallTables(StringBuilder s, DispatchBenchReport report)
    {
        s.AppendLine("### Grain calls per job in the longest queue of each store at the most loops (caller's view, request to response)");
        s.AppendLine();
        foreach (var store in new[] { DispatchStore.Embedded, DispatchStore.Azurite })
        {
            var cell = report.On(store).OrderByDescending(r => r.Cell.Jobs).ThenByDescending(r => r.Cell.Loops).FirstOrDefault();
            if (cell is null)
            {
                continue;
            }

            s.AppendLine(Inv($"{(store == DispatchStore.Embedded ? "Embedded store" : "Azurite")}, {cell.Cell.Jobs} jobs, {cell.Cell.Loops} loops:"));
            s.AppendLine();
            GrainCallTable.Write(s, cell.Calls, cell.Cell.Jobs);

            s.AppendLine();
        }
    }

    private static void Comparison(StringBuilder s, DispatchBenchReport report)
    {
        s.AppendLine("### Against dispatch-notes.md (P = 16; the notes drained 10,000 jobs; \"filesync\" for the embedded store)");
        s.AppendLine();
        s.AppendLine("| store | loops | notes, baseline design: jobs/s · lease p50 ms | notes, queue index not persisted (upper bound) | this run, longest queue: jobs/s · lease-to-start p50 ms |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var group in report.Results.GroupBy(r => (r.Cell.Store, r.Cell.Loops)))
        {
            var r = group.OrderByDescending(c => c.Cell.Jobs).First();
            var baseline = DispatchNotes.Baseline(r.Cell.Store, r.Cell.Loops);
            var bound = DispatchNotes.NotPersisted(r.Cell.Store, r.Cell.Loops);
            s.AppendLine(Inv($"| {r.Cell.Store} | {r.Cell.Loops} | {(baseline is { } b ? Inv($"{b.JobsPerSecond:F0} · {b.LeaseP50Ms:F1}") : "–")} | {(bound is { } n ? Inv($"{n.JobsPerSecond:F0} · {n.LeaseP50Ms:F1}") : "–")} | {r.JobsPerSecond:F0} · {r.GrantToStart.P50:F2} ({r.Cell.Jobs} jobs) |"));
        }

        s.AppendLine();
    }

    private static void Goals(StringBuilder s, DispatchBenchReport report)
    {
        s.AppendLine("### Goals");
        s.AppendLine();
        foreach (var store in new[] { DispatchStore.Embedded, DispatchStore.Azurite })
        {
            var results = report.On(store).ToList();
            if (results.Count == 0)
            {
                continue;
            }

            var slowest = results.MinBy(r => r.JobsPerMinute)!;
            var met = results.Count(r => r.JobsPerMinute >= DispatchBenchReport.JobsPerMinuteGoal);
            s.AppendLine(Inv($"- {store}: ≥ {DispatchBenchReport.JobsPerMinuteGoal:F0} jobs/min in {met} of {results.Count} cells; slowest {slowest.JobsPerMinute:F0} jobs/min ({slowest.Cell.Jobs} queued, {slowest.Cell.Loops} loops) ({Verdict(met == results.Count)})."));
            if (store == DispatchStore.Embedded)
            {
                var worst = results.MaxBy(r => r.GrantToStart.P50)!;
                var fast = results.Count(r => r.GrantToStart.P50 < DispatchBenchReport.LeaseToStartGoalMs);
                s.AppendLine(Inv($"- {store}: lease-to-start median < {DispatchBenchReport.LeaseToStartGoalMs:F0} ms in {fast} of {results.Count} cells; highest {worst.GrantToStart.P50:F2} ms ({worst.Cell.Jobs} queued, {worst.Cell.Loops} loops) ({Verdict(fast == results.Count)})."));
            }
        }

        s.AppendLine(Inv($"- Checks (each job once, all results accepted, nothing left queued): {(report.ChecksPassed ? "passed in every cell" : "**FAILED** in at least one cell")}."));
    }

    private static string Checks(DispatchCellResult r) =>
        r.Checked
            ? Inv($"ok ({r.InFlightAfter} watched)")
            : Inv($"**{r.Completed} completed, {r.DistinctRun} run, {r.RunTwice} twice, {r.QueuedAfter} queued, {r.Deduplicated} deduplicated**");

    private static string Cpu(double seconds, int jobs) => Inv($"{seconds * 1000 / jobs:F2}");

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
