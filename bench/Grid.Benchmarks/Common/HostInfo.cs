using System.Globalization;
using System.Runtime.InteropServices;

namespace ModelGrid.Benchmarks.Common;

/// <summary>The machine and .NET versions a report was measured with (what every benchmark states; tools are the benchmark's own business).</summary>
public sealed record HostInfo(string Cpu, int Cores, string Kernel, string Memory, string Sdk, string Runtime)
{
    public static async Task<HostInfo> CollectAsync(CancellationToken cancellationToken)
    {
        var cpuinfo = await File.ReadAllLinesAsync("/proc/cpuinfo", cancellationToken);
        var memKib = Value(await File.ReadAllLinesAsync("/proc/meminfo", cancellationToken), "MemTotal").Split(' ')[0];
        var sdk = await ExternalCommand.RunAsync("dotnet", ["--version"], cancellationToken);
        return new HostInfo(
            Value(cpuinfo, "model name"),
            Environment.ProcessorCount,
            (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", cancellationToken)).Trim(),
            $"{long.Parse(memKib, CultureInfo.InvariantCulture) / (1024 * 1024)} GiB",
            sdk.ExitCode == 0 ? sdk.Stdout.Trim() : "?",
            RuntimeInformation.FrameworkDescription);
    }

    private static string Value(IEnumerable<string> lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
}
