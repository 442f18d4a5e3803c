using System.Globalization;

namespace ModelGrid.Testing;

/// <summary>
/// A real Azurite (blob, queue and table) on free loopback ports, installed from the repository's package.json
/// with npm when missing, stopped on dispose. In memory by default; <see cref="StartOnDiskAsync"/> keeps its data in a
/// temporary folder instead, so it can be stopped and started again on the same ports with its data intact (storage
/// that goes away for a while and comes back). Failing to install or start it fails the tests: the Azure-backed tests
/// are never skipped.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _script;
    private readonly int[] _ports;
    private readonly string _workFolder;
    private readonly bool _onDisk;
    private ChildProcess? _process;

    private AzuriteServer(string script, int[] ports, string workFolder, bool onDisk)
    {
        _script = script;
        _ports = ports;
        _workFolder = workFolder;
        _onDisk = onDisk;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
    }

    /// <summary>The connection string of the well-known development account on this server.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the server process is up (it may still be starting).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts an in-memory Azurite: its data goes with the process.</summary>
    public static Task<AzuriteServer> StartAsync() => StartAsync(onDisk: false);

    /// <summary>
    /// Starts an Azurite that keeps its data in a temporary folder (deleted on dispose), so <see cref="StopAsync"/> and
    /// <see cref="RestartAsync"/> bring it back on the same ports with everything it held.
    /// </summary>
    public static Task<AzuriteServer> StartOnDiskAsync() => StartAsync(onDisk: true);

    /// <summary>Stops the server (SIGTERM, so it writes out what it holds); clients then find nothing listening.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
        _process = null;
    }

    /// <summary>Starts the stopped server again on the same ports and folder and waits until every service listens.</summary>
    public async Task RestartAsync()
    {
        if (!_onDisk)
        {
            throw new InvalidOperationException("an in-memory Azurite loses its data when stopped; start it with StartOnDiskAsync to restart it");
        }

        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is running");
        }

        await RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open as the process went down; the temp folder is cleaned by the system.
        }
    }

    private static async Task<AzuriteServer> StartAsync(bool onDisk)
    {
        var script = await NpmTools.EnsureInstalledAsync("azurite", Path.Combine("dist", "src", "azurite.js"));
        var server = new AzuriteServer(script, FreePorts.Take(3), TestPaths.NewTempFolder("azurite"), onDisk);
        try
        {
            await server.RunAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task RunAsync()
    {
        List<string> arguments =
        [
            _script,
            "--blobHost", "127.0.0.1", "--blobPort", _ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", _ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", _ports[2].ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--loose",
        ];
        arguments.AddRange(_onDisk ? ["--location", Path.Combine(_workFolder, "data")] : ["--inMemoryPersistence"]);
        var process = ChildProcess.Start("node", arguments, _workFolder);
        _process = process;
        foreach (var port in _ports)
        {
            await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => process.HasExited ? $"Azurite exited: {process.Output}" : null);
        }
    }
}
