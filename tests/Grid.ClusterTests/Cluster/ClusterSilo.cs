using System.Globalization;
using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// One silo of a test cluster: <c>dotnet Grid.Silo.dll</c> with its role, its own loopback ports and data folder, and
/// the cluster's shared settings. It can be stopped (SIGTERM), killed (SIGKILL) and started again on the same ports.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _environment;
    private ChildProcess? _process;

    public ClusterSilo(string name, string roles, IReadOnlyDictionary<string, string?> shared)
    {
        Name = name;
        var ports = FreePorts.Take(3);
        Url = new Uri($"http://127.0.0.1:{ports[0]}/");
        _environment = new Dictionary<string, string?>(shared)
        {
            ["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/'),
            ["Grid__Roles"] = roles,
            ["Grid__Storage__Path"] = TestPaths.NewTempFolder($"cluster-{name}"),
            ["Grid__Worker__WorkerId"] = name,
            ["Grid__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Grid__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
        };
    }

    public string Name { get; }

    public Uri Url { get; }

    public bool IsRunning => _process is { HasExited: false };

    public string Output => _process?.Output ?? string.Empty;

    /// <summary>Starts the process; <see cref="WaitHealthyAsync"/> waits for it to join.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is running");
        }

        var silo = TestPaths.BuildOutput("Grid.Silo", "Grid.Silo.dll");
        _process = ChildProcess.Start("dotnet", [silo], Path.GetDirectoryName(silo)!, _environment);
    }

    /// <summary>Waits until <c>/health</c> answers 200: the silo joined the cluster and serves.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited: {Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not healthy within {timeout}: {Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Stops the silo as an operator would (SIGTERM), so it leaves the cluster cleanly.</summary>
    public Task StopAsync() => _process?.StopAsync(TimeSpan.FromSeconds(60)) ?? Task.CompletedTask;

    /// <summary>Kills the silo at once (SIGKILL), as a crash or a power cut would.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
