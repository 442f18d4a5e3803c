using System.Globalization;
using System.Text;

namespace ModelGrid.Benchmarks.Api;

/// <summary>The <c>api-load</c> report: one row per concurrency step, each API target beside the bare endpoint.</summary>
public static class ApiLoadMarkdown
{
    public static string Render(ApiLoadReport report)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# API load ({report.Started:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        var command = $"dotnet run --project bench/Grid.Benchmarks -c Release -- api-load {report.Options.Arguments}".TrimEnd();
        md.AppendLine(c, $"`{command}`");
        md.AppendLine();
        md.AppendLine(c, $"{report.Machine.Cpu}, {report.Machine.Cores} cores, {report.Machine.Runtime}; autocannon 9.0.0 (one Node.js thread) on the same host; {report.Options.Seconds} s per cell after 1 s of warm-up; requests per second are autocannon's mean, latencies in ms.");
        md.AppendLine();
        md.AppendLine("| connections | bare GET req/s | p50 / p99 | model-info GET req/s | × bare | p50 / p99 | file HEAD req/s | × bare | p50 / p99 | load avg before → after |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (connections, before, after) in report.LoadAverages)
        {
            var bare = report.Of(ApiLoadReport.Bare, connections);
            var info = report.Of(ApiLoadReport.ModelInfo, connections);
            var head = report.Of(ApiLoadReport.FileHead, connections);
            md.AppendLine(c, $"| {connections} | {bare.RequestsPerSecond:F0} | {bare.P50Ms} / {bare.P99Ms} | {info.RequestsPerSecond:F0} | {info.RequestsPerSecond / bare.RequestsPerSecond:F2} | {info.P50Ms} / {info.P99Ms} | {head.RequestsPerSecond:F0} | {head.RequestsPerSecond / bare.RequestsPerSecond:F2} | {head.P50Ms} / {head.P99Ms} | {before} → {after} |");
        }

        md.AppendLine();
        foreach (var target in new[] { ApiLoadReport.ModelInfo, ApiLoadReport.FileHead })
        {
            var knee = report.Knee(target);
            var at = report.Of(target, knee);
            var bare = report.Of(ApiLoadReport.Bare, knee);
            md.AppendLine(c, $"- {target}: knee at {knee} connections (the fewest within 10 % of its best), {at.RequestsPerSecond:F0} req/s = {at.RequestsPerSecond / bare.RequestsPerSecond:F2} × bare at the same connections (goal ≥ 0.5), p99 {at.P99Ms} ms (goal < 10).");
        }

        md.AppendLine(c, $"- Failed answers (non-2xx, errors, timeouts): {report.Failed}.");
        return md.ToString();
    }
}
