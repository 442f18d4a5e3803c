using System.Globalization;
using System.Text.Json;

namespace ModelGrid.Benchmarks.Api;

/// <summary>
/// npm's autocannon 9.0.0, installed with <c>npm ci</c> into <c>bench/load/node_modules</c> (never globally) on first
/// use, run once per target and step with JSON output.
/// </summary>
public static class Autocannon
{
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(RepositoryPaths.Root() ?? throw new InvalidOperationException("run the benchmark from the repository (bench/load holds autocannon's package.json)"), "bench", "load");
        var script = Path.Combine(folder, "node_modules", "autocannon", "autocannon.js");
        if (!File.Exists(script))
        {
            var install = await ExternalCommand.RunAsync("npm", ["ci", "--prefix", folder, "--no-audit", "--no-fund", "--loglevel=error"], cancellationToken);
            if (install.ExitCode != 0 || !File.Exists(script))
            {
                throw new InvalidOperationException($"'npm ci' in {folder} failed (exit {install.ExitCode}): {install.Stderr}");
            }
        }

        return script;
    }

    /// <summary>Loads <paramref name="url"/> with <paramref name="connections"/> connections for <paramref name="seconds"/> seconds.</summary>
    public static async Task<LoadResult> RunAsync(string script, Uri url, string method, IReadOnlyDictionary<string, string> headers, int connections, int seconds, CancellationToken cancellationToken)
    {
        List<string> arguments = [script, "-j", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds.ToString(CultureInfo.InvariantCulture), "-m", method];
        foreach (var (name, value) in headers)
        {
            arguments.AddRange(["-H", $"{name}={value}"]);
        }

        arguments.Add(url.ToString());
        var run = await ExternalCommand.RunAsync("node", arguments, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"autocannon failed (exit {run.ExitCode}): {run.Stderr}");
        }

        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var latency = root.GetProperty("latency");
        return new LoadResult(
            root.GetProperty("requests").GetProperty("average").GetDouble(),
            latency.GetProperty("p50").GetDouble(),
            latency.GetProperty("p99").GetDouble(),
            root.GetProperty("2xx").GetInt64(),
            root.GetProperty("non2xx").GetInt64() + root.GetProperty("errors").GetInt64() + root.GetProperty("timeouts").GetInt64());
    }
}
