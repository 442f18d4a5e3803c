using System.Globalization;
using System.Security.Cryptography;
using ModelGrid.Client.Http;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Testing;

namespace ModelGrid.BrowserTests;

/// <summary>
/// The real silo (<c>dotnet Grid.Silo.dll</c>) for the whole test assembly, as a child process on free loopback ports
/// with a fresh data folder, a known admin token and the evaluation demo on (its sample models and their results are
/// what the pages show). Third-party artifacts come from the tests' verified mirror folder, offline.
/// </summary>
public sealed class HubFixture : IAsyncLifetime
{
    private ChildProcess? _process;
    private HubData? _data;

    /// <summary>The silo's address.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The bootstrap admin token the silo was started with.</summary>
    public string AdminToken { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The silo's data folder.</summary>
    public string DataPath { get; } = TestPaths.NewTempFolder("browser-silo");

    /// <summary>What the silo has printed so far.</summary>
    public string Output => _process?.Output ?? string.Empty;

    /// <summary>A REST client for the silo, as <paramref name="token"/> (anonymous when null).</summary>
    public GridClient Client(string? token) => GridClient.Create(Url, token);

    /// <summary>A REST client as the admin.</summary>
    public GridClient Admin => Client(AdminToken);

    /// <summary>What the tests published besides the demo (<see cref="HubData"/>).</summary>
    public HubData Data => _data ?? throw new InvalidOperationException("the silo is not started");

    /// <summary>
    /// Waits until the hub compares <paramref name="versions"/> of <paramref name="model"/> on <paramref name="suite"/>
    /// (the demo's jobs have finished for them) and returns the comparison the API reports.
    /// </summary>
    public async Task<ComparisonReport> WaitForComparisonAsync(ModelId model, IReadOnlyList<int> versions, string suite, TimeSpan timeout)
    {
        var client = Client(null);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return await client.CompareAsync(model, versions, suite);
            }
            catch (GridApiException e) when (DateTime.UtcNow < deadline && (int)e.Status is 404 or 409 or 503)
            {
                // The demo has not published the versions, or not recorded their results, yet.
            }

            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited: {Output}");
            }

            await Task.Delay(500);
        }
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var ports = FreePorts.Take(3);
        Url = new Uri($"http://127.0.0.1:{ports[0]}/");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/'),
            ["Grid__Storage__Path"] = DataPath,
            ["Grid__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Grid__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Grid__Auth__AdminToken"] = AdminToken,
            ["Grid__Artifacts__Mirrors__0"] = TestArtifacts.MirrorFolder,
            ["Grid__Artifacts__Offline"] = "true",
            ["DOTNET_gcServer"] = "0",
        };
        var silo = TestPaths.BuildOutput("Grid.Silo", "Grid.Silo.dll");
        _process = ChildProcess.Start("dotnet", [silo], Path.GetDirectoryName(silo)!, environment);
        await WaitHealthyAsync(TimeSpan.FromSeconds(120));
        _data = await HubData.PublishAsync(this);
    }

    /// <summary>Waits until the silo answers <c>/health</c> with 200.</summary>
    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited: {Output}");
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
                throw new TimeoutException($"the silo was not healthy within {timeout}: {Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(20));
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the folder is temporary.
        }
    }
}
