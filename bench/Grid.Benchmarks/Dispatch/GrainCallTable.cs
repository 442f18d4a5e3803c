using System.Globalization;
using System.Text;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>The Markdown table of grain calls per job the dispatch, cluster and simulation reports share.</summary>
public static class GrainCallTable
{
    /// <summary>Writes one row per grain method, the costliest (count × mean) first.</summary>
    public static void Write(StringBuilder s, IReadOnlyDictionary<string, Distribution> calls, int jobs)
    {
        s.AppendLine("| call | calls | per job | mean ms | p50 ms | p99 ms | max ms |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, d) in calls.OrderByDescending(c => c.Value.Count * c.Value.Mean))
        {
            s.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| `{name}` | {d.Count} | {(double)d.Count / jobs:F2} | {d.Mean:F2} | {d.P50:F2} | {d.P99:F2} | {d.Max:F1} |"));
        }
    }
}
