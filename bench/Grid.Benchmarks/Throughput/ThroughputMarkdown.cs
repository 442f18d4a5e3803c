using System.Globalization;
using System.Text;

namespace ModelGrid.Benchmarks.Throughput;

/// <summary>Renders a <see cref="ThroughputBenchReport"/> as the markdown that goes into BENCHMARKS.md.</summary>
public static class ThroughputMarkdown
{
    public static string Render(ThroughputBenchReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Throughput: the grid's runner vs a bare ONNX Runtime loop — {report.Started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"- Command: `dotnet run -c Release --project bench/Grid.Benchmarks -- {("throughput " + o.Arguments).Trim()}`; {o.Rounds} alternating rounds per case, timed stretches of about {o.Seconds:F1} s; run took {report.Duration.TotalMinutes:F1} min."));
        s.AppendLine(Inv($"- Machine: {m.Cpu}; nproc {m.Cores}; {m.Memory} RAM; Linux {m.Kernel}; .NET SDK {m.Sdk}, {m.Runtime}."));
        s.AppendLine(Inv($"- ONNX Runtime {report.RuntimeVersion} (the package Grid.Evaluation references), execution provider {report.Provider}; both sides in this process, one session at a time."));
        s.AppendLine(Inv($"- Other load: CPU time not charged to this process was {report.OtherLoadBefore:P0} of all cores in the 3 s before the run and {report.OtherLoadDuring:P0} during it."));
        s.AppendLine(Inv($"- Inputs: seed {report.Seed}, batch 1, values in [0, 1); the bare loop's tensor equal bit for bit to the runner's: {string.Join(", ", report.Cases.Select(c => $"{c.Case.Model} {c.InputShape} {(c.InputsMatch ? "yes" : "**NO**")}").Distinct())}."));
        s.AppendLine();
        s.AppendLine("### Samples per second (batch 1: calls per second)");
        s.AppendLine();
        s.AppendLine("| model | intra-op threads | timed calls per round | side | min | median | max | grid ÷ bare (medians) | per-round grid ÷ bare, min – max |");
        s.AppendLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in report.Cases)
        {
            s.AppendLine(Inv($"| {c.Case.Model} | {c.Case.Threads} | {c.Calls} | bare loop | {c.Bare.Min:F0} | {c.Bare.Median:F0} | {c.Bare.Max:F0} | | |"));
            s.AppendLine(Inv($"| {c.Case.Model} | {c.Case.Threads} | {c.Calls} | grid runner | {c.Grid.Min:F0} | {c.Grid.Median:F0} | {c.Grid.Max:F0} | {c.Ratio:F3} | {c.PairedRatios.Min:F3} – {c.PairedRatios.Max:F3} |"));
        }

        s.AppendLine();
        s.AppendLine("### The runner's own figures (same rounds)");
        s.AppendLine();
        s.AppendLine("| model | intra-op threads | p50 latency, ms (median of rounds) | warm-up windows per round | rounds unstable | golden check | managed bytes in timed calls, grid / bare |");
        s.AppendLine("| --- | ---: | ---: | --- | ---: | --- | ---: |");
        foreach (var c in report.Cases)
        {
            s.AppendLine(Inv($"| {c.Case.Model} | {c.Case.Threads} | {c.GridP50Ms.Median:F3} | {string.Join(", ", c.WarmupWindows)} | {c.UnstableRounds} | {(c.GoldenMatched ? "passed" : "**failed**")} | {c.GridTimedAllocatedBytes} / {c.BareTimedAllocatedBytes} |"));
        }

        s.AppendLine();
        foreach (var c in report.Cases)
        {
            s.AppendLine(Inv($"- Goal grid ≥ {ThroughputBenchReport.Goal:F2}× bare, {c.Case.Model} at {c.Case.Threads} thread(s): {c.Ratio:F3} ({(c.Ratio >= ThroughputBenchReport.Goal ? "met" : "**missed**")})."));
        }

        return s.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
