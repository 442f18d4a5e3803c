using System.Globalization;
using System.Security.Cryptography;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// The silo as an operator runs it: <c>dotnet Grid.Silo.dll</c> from its build output (so its appsettings.json
/// applies), configured by environment variables, on free loopback ports, with the durable embedded store.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly ServerProcess _process;

    private SiloHost(ServerProcess process, Uri baseUri, string token)
    {
        _process = process;
        BaseUri = baseUri;
        Token = token;
    }

    public Uri BaseUri { get; }

    public string Token { get; }

    public int ProcessId => _process.Id;

    /// <summary>Fails with a clear message unless the silo is built where it is expected.</summary>
    public static void EnsureBuilt(string siloDll)
    {
        if (!File.Exists(siloDll))
        {
            throw new FileNotFoundException(
                $"the silo is not built at {siloDll}: run through 'dotnet run -c Release --project bench/Grid.Benchmarks', or pass --silo / ${HubCommand.SiloVariable}");
        }
    }

    /// <summary>Starts the silo; <paramref name="settings"/> add to (or override) the environment it is configured by.</summary>
    public static async Task<SiloHost> StartAsync(
        string siloDll, string dataFolder, string logPath, long maxFileBytes, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        EnsureBuilt(siloDll);
        var port = FreePort.Next();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Grid__Storage__Path"] = dataFolder,
            ["Grid__Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Grid__Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Grid__Auth__AdminToken"] = token,
            ["Grid__Demo__Enabled"] = "false",
            ["Grid__Uploads__MaxFileBytes"] = maxFileBytes.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = ServerProcess.Start("dotnet", [siloDll], Path.GetDirectoryName(siloDll)!, environment, logPath);
        var silo = new SiloHost(process, new Uri($"http://127.0.0.1:{port}/"), token);
        try
        {
            await silo.WaitHealthyAsync(cancellationToken);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited during start:\n{_process.LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"the silo was not healthy within {StartTimeout}:\n{_process.LogTail()}");
    }
}
