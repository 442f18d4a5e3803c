using System.Globalization;
using System.Text;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>Renders a <see cref="HubReport"/> as the markdown that goes into BENCHMARKS.md.</summary>
public static class MarkdownReport
{
    public static string Render(HubReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Hub: downloads vs nginx, ingest vs openssl — {report.Started:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine();
        s.AppendLine(Inv($"- Arguments: `{("hub " + o.Arguments).Trim()}`; {o.Rounds} alternating rounds; run took {report.Duration.TotalMinutes:F1} min."));
        s.AppendLine(Inv($"- Machine: {m.Cpu}; nproc {m.Cores} (curl and the server share them); {m.Memory} RAM; Linux {m.Kernel}."));
        s.AppendLine(Inv($"- Versions: .NET SDK {m.Sdk}, ASP.NET Core {m.AspNetCore}; {m.Nginx}; {m.Curl}; {m.OpenSsl}; {m.Sha256sum}."));
        s.AppendLine(Inv($"- Other load: CPU time not charged to the benchmark's own processes (curl, openssl, dd, silo, nginx, itself) — other workloads and kernel threads such as writeback — was {report.Load.Before:P0} of all cores in the 3 s before the run and {report.Load.During:P0} during it."));
        s.AppendLine(Inv($"- File: {o.FileBytes} bytes of random data, generated for the run; hot in the page cache for every side (dropping the cache is not possible here)."));
        s.AppendLine();
        s.AppendLine("### Download, GB/s (10^9 bytes/s), all to /dev/null");
        s.AppendLine();
        s.AppendLine("| mode | server | min | median | max | ÷ nginx (median) | server CPU s/GiB (median) | CPU ÷ nginx |");
        s.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var streams in new[] { 1, DownloadBench.ConcurrentStreams })
        {
            var nginx = report.Downloads.Single(d => d.Streams == streams && d.Server == HubBenchmark.NginxName);
            foreach (var d in report.Downloads.Where(d => d.Streams == streams).OrderBy(d => d.Server == HubBenchmark.SiloName))
            {
                var mode = streams == 1 ? "1 curl" : Inv($"{streams} concurrent curls (aggregate)");
                var t = d.Throughput;
                s.AppendLine(Inv($"| {mode} | {d.Server} | {t.Min:F2} | {t.Median:F2} | {t.Max:F2} | {t.Median / nginx.Throughput.Median:F2} | {d.CpuSecondsPerGib.Median:F2} | {d.CpuSecondsPerGib.Median / nginx.CpuSecondsPerGib.Median:F1} |"));
            }
        }

        s.AppendLine();
        s.AppendLine(Inv($"- Throughput goal ≥ {HubReport.DownloadGoal}× nginx: 1 stream {report.ThroughputRatio(1):F2} ({Verdict(report.ThroughputRatio(1) >= HubReport.DownloadGoal)}), 4 streams {report.ThroughputRatio(DownloadBench.ConcurrentStreams):F2} ({Verdict(report.ThroughputRatio(DownloadBench.ConcurrentStreams) >= HubReport.DownloadGoal)})."));
        s.AppendLine(Inv($"- Server CPU goal ≤ {HubReport.CpuGoal}× nginx: 1 stream {report.CpuRatio(1):F1}× ({Verdict(report.CpuRatio(1) <= HubReport.CpuGoal)}), 4 streams {report.CpuRatio(DownloadBench.ConcurrentStreams):F1}× ({Verdict(report.CpuRatio(DownloadBench.ConcurrentStreams) <= HubReport.CpuGoal)})."));
        s.AppendLine(Inv($"- Silo peak resident memory over the run: {report.SiloPeakResidentBytes / (1024.0 * 1024):F0} MiB."));
        s.AppendLine();
        s.AppendLine("### Range correctness (same run, same file)");
        s.AppendLine();
        s.AppendLine("| case | Range | expected Content-Range | " + string.Join(" | ", report.Ranges.Select(r => r.Server).Distinct()) + " |");
        s.AppendLine("| --- | --- | --- | " + string.Join(" | ", report.Ranges.Select(r => r.Server).Distinct().Select(_ => "---")) + " |");
        foreach (var group in report.Ranges.GroupBy(r => r.Case))
        {
            var first = group.First();
            s.AppendLine($"| {first.Case} | `{first.Range}` | `{first.ExpectedContentRange}` | " + string.Join(" | ", group.Select(Answer)) + " |");
        }

        s.AppendLine();
        s.AppendLine("- Whole body (200, no Range) SHA-256 equal to the generated file's: "
            + string.Join(", ", report.FullBodyMatches.Select(p => $"{p.Key} {(p.Value ? "yes" : "NO")}")) + ".");
        s.AppendLine();
        s.AppendLine("### Upload ingest vs hashing, seconds for the whole file");
        s.AppendLine();
        s.AppendLine("| measurement | min | median | max | GB/s (median) |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        var i = report.Ingest;
        s.AppendLine(Row("`openssl dgst -sha256 file` (the hashing limit)", i.OpensslSeconds, o.FileBytes));
        s.AppendLine(Row("ingest: `curl -T file -H 'Expect:'` PUT → streamed SHA-256, write, fsync, rename, \"created\"", i.IngestSeconds, o.FileBytes));
        s.AppendLine(Row("context: `dd bs=1M conv=fsync` to a new file (durable write alone, no hash, no HTTP)", i.DurableCopySeconds, o.FileBytes));
        s.AppendLine(Row("context: `dd bs=1M oflag=direct conv=fsync` (the same, bypassing the page cache)", i.DirectCopySeconds, o.FileBytes));
        s.AppendLine(Row("context: `sha256sum file` (once)", new Samples([i.Sha256sumSeconds]), o.FileBytes));
        s.AppendLine();
        s.AppendLine(Inv($"- openssl ÷ ingest (medians) = {report.IngestRatio:F2}; goal ≥ {HubReport.IngestGoal} ({Verdict(report.IngestRatio >= HubReport.IngestGoal)}). sha256sum ÷ ingest = {i.Sha256sumSeconds / i.IngestSeconds.Median:F2}."));
        s.AppendLine(Inv($"- Silo CPU per GiB ingested (median): {i.SiloCpuSecondsPerGib.Median:F2} s."));
        return s.ToString();
    }

    private static string Answer(RangeCheckResult r) =>
        r.Passed ? $"{r.Status}, bytes equal" : $"**FAIL** {r.Status} `{r.ContentRange}`{(r.BytesMatch ? string.Empty : ", bytes differ")}";

    private static string Row(string name, Samples seconds, long bytes) =>
        Inv($"| {name} | {seconds.Min:F2} | {seconds.Median:F2} | {seconds.Max:F2} | {bytes / seconds.Median / 1e9:F2} |");

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
