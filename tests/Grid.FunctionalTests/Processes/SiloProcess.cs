using System.Globalization;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The real silo (<c>dotnet Grid.Silo.dll</c>) as a child process on free loopback ports, configured only through
/// environment variables as an operator would (with the detailed log, <c>Information</c>, that tests read), and waited
/// for until <c>/health</c> answers 200.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, Uri url, string dataPath)
    {
        _process = process;
        Url = url;
        DataPath = dataPath;
    }

    /// <summary>Where the README, DESIGN.md §7 and the CLI expect the silo when no address is configured.</summary>
    public static Uri DefaultUrl { get; } = new("http://127.0.0.1:5180/");

    public Uri Url { get; }

    public string DataPath { get; }

    public string Output => _process.Output;

    public int Id => _process.Id;

    /// <summary>
    /// Starts a silo on <paramref name="dataPath"/>; <paramref name="extra"/> adds or overrides environment variables (a
    /// null value removes one: without <c>ASPNETCORE_URLS</c> the silo is expected on its default address).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string?>? extra = null, IEnumerable<string>? arguments = null)
    {
        var (url, environment) = Environment(dataPath, extra);
        var silo = TestPaths.BuildOutput("Grid.Silo", "Grid.Silo.dll");
        var process = ChildProcess.Start("dotnet", [silo, .. arguments ?? []], Path.GetDirectoryName(silo)!, environment);
        var started = new SiloProcess(process, url, dataPath);
        try
        {
            await started.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>Runs a silo with <paramref name="arguments"/> until it exits by itself (e.g. <c>--exit-after-demo</c>).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(
        string dataPath, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var (_, environment) = Environment(dataPath, extra);
        var silo = TestPaths.BuildOutput("Grid.Silo", "Grid.Silo.dll");
        return ChildProcess.RunAsync("dotnet", [silo, .. arguments], Path.GetDirectoryName(silo)!, environment, timeout);
    }

    private static (Uri Url, Dictionary<string, string?> Environment) Environment(string dataPath, IReadOnlyDictionary<string, string?>? extra)
    {
        var ports = FreePorts.Take(3);
        var url = new Uri($"http://127.0.0.1:{ports[0]}/");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
            ["Grid__Storage__Path"] = dataPath,
            ["Grid__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Grid__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Grid__Artifacts__Mirrors__0"] = TestArtifacts.MirrorFolder,
            ["Grid__Artifacts__Offline"] = "true",
            ["DOTNET_gcServer"] = "0",
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return (environment["ASPNETCORE_URLS"] is { } configured ? new Uri(configured.TrimEnd('/') + "/") : DefaultUrl, environment);
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited with code {_process.ExitCode}: {Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the silo was not healthy within {timeout}: {Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until the silo has printed <paramref name="text"/> (the evaluation demo's summary, say).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the silo did not print '{text}' within {timeout} (exited: {_process.HasExited}): {Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Stops the silo as an operator would (SIGTERM).</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    /// <summary>Kills the silo at once, as a crash or power cut would.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
