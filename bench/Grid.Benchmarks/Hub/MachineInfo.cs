namespace ModelGrid.Benchmarks.Hub;

/// <summary>The machine and tool versions a report was measured with.</summary>
public sealed record MachineInfo(string Cpu, int Cores, string Kernel, string Memory, string Sdk, string AspNetCore, string Nginx, string Curl, string OpenSsl, string Sha256sum)
{
    public static async Task<MachineInfo> CollectAsync(CancellationToken cancellationToken)
    {
        var cpuinfo = await File.ReadAllLinesAsync("/proc/cpuinfo", cancellationToken);
        var model = Value(cpuinfo, "model name");
        var shaNi = Value(cpuinfo, "flags").Split(' ').Contains("sha_ni") ? ", sha_ni" : ", no sha_ni";
        var memKib = Value(await File.ReadAllLinesAsync("/proc/meminfo", cancellationToken), "MemTotal").Split(' ')[0];
        var runtimes = await FirstLineAsync("dotnet", ["--list-runtimes"], cancellationToken, all: true);
        var aspnet = runtimes.Split('\n').LastOrDefault(l => l.StartsWith("Microsoft.AspNetCore.App 10.", StringComparison.Ordinal))?.Split(' ')[1] ?? "?";
        return new MachineInfo(
            model + shaNi,
            Environment.ProcessorCount,
            (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", cancellationToken)).Trim(),
            $"{long.Parse(memKib, System.Globalization.CultureInfo.InvariantCulture) / (1024 * 1024)} GiB",
            await FirstLineAsync("dotnet", ["--version"], cancellationToken),
            aspnet,
            (await FirstLineAsync(NginxServer.Binary, ["-v"], cancellationToken)).Replace("nginx version: ", string.Empty, StringComparison.Ordinal),
            string.Join(' ', (await FirstLineAsync("curl", ["--version"], cancellationToken)).Split(' ').Take(2)),
            await FirstLineAsync("openssl", ["version"], cancellationToken),
            await FirstLineAsync("sha256sum", ["--version"], cancellationToken));
    }

    private static string Value(IEnumerable<string> lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";

    private static async Task<string> FirstLineAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool all = false)
    {
        var result = await ExternalCommand.RunAsync(file, arguments, cancellationToken);
        // nginx -v writes to stderr.
        var text = (result.Stdout.Length > 0 ? result.Stdout : result.Stderr).Trim();
        return all ? text : text.Split('\n')[0].Trim();
    }
}
