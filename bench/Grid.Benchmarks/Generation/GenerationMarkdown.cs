using System.Globalization;
using System.Text;

namespace ModelGrid.Benchmarks.Generation;

/// <summary>Renders a <see cref="GenerationBenchReport"/> as the markdown that goes into BENCHMARKS.md.</summary>
public static class GenerationMarkdown
{
    public static string Render(GenerationBenchReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Generation: the grid's greedy decoding vs a bare ONNX Runtime loop — {report.Started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"- Command: `dotnet run -c Release --project bench/Grid.Benchmarks -- {("generation " + o.Arguments).Trim()}`; {o.Rounds} alternating rounds per case, {o.Generations} generations of {o.Tokens} tokens per row per side and round; run took {report.Duration.TotalMinutes:F1} min."));
        s.AppendLine(Inv($"- Machine: {m.Cpu}; nproc {m.Cores}; {m.Memory} RAM; Linux {m.Kernel}; .NET SDK {m.Sdk}, {m.Runtime}."));
        s.AppendLine(Inv($"- Model: stories260K's KV graph (`{GenerationBenchmark.ModelPath}`), prompt the beginning-of-sentence token, greedy; ONNX Runtime {report.RuntimeVersion}, CPU."));
        s.AppendLine(Inv($"- Other load: CPU time not charged to this process was {report.OtherLoadBefore:P0} of all cores in the 3 s before the run and {report.OtherLoadDuring:P0} during it."));
        s.AppendLine();
        s.AppendLine("### Decode tokens per second (every row's tokens after the first)");
        s.AppendLine();
        s.AppendLine("| batch | intra-op threads | side | min | median | max | grid ÷ bare (medians) | per-round grid ÷ bare, min – max | managed bytes per token | same tokens |");
        s.AppendLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var c in report.Cases)
        {
            s.AppendLine(Inv($"| {c.Case.Batch} | {c.Case.Threads} | bare loop | {c.Bare.Min:F0} | {c.Bare.Median:F0} | {c.Bare.Max:F0} | | | {c.BareBytesPerToken:F0} | |"));
            s.AppendLine(Inv($"| {c.Case.Batch} | {c.Case.Threads} | grid | {c.Grid.Min:F0} | {c.Grid.Median:F0} | {c.Grid.Max:F0} | {c.Ratio:F3} | {c.PairedRatios.Min:F3} – {c.PairedRatios.Max:F3} | {c.GridBytesPerToken:F0} | {(c.TokensMatch ? "yes" : "**no**")} |"));
        }

        s.AppendLine();
        s.AppendLine("| batch | intra-op threads | grid time to first token, ms (median of rounds) |");
        s.AppendLine("| ---: | ---: | ---: |");
        foreach (var c in report.Cases)
        {
            s.AppendLine(Inv($"| {c.Case.Batch} | {c.Case.Threads} | {c.GridFirstTokenMs.Median:F3} |"));
        }

        s.AppendLine();
        foreach (var c in report.Cases)
        {
            s.AppendLine(Inv($"- Goal grid ≥ {GenerationBenchReport.Goal:F2}× bare, batch {c.Case.Batch} at {c.Case.Threads} thread(s): {c.Ratio:F3} ({(c.Ratio >= GenerationBenchReport.Goal ? "met" : "**missed**")}); grid managed bytes per token {c.GridBytesPerToken:F0} ({(c.GridBytesPerToken == 0 ? "met" : "**missed**")})."));
        }

        return s.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
