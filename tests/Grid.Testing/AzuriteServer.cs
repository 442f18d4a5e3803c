namespace ModelGrid.Testing;

/// <summary>
/// A real Azurite (blob, queue and table) on free loopback ports, installed from the repository's package.json
/// with npm when missing, in-memory, stopped on dispose. Failing to install or start it fails the tests: the
/// Azure-backed tests are never skipped.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly ChildProcess _process;
    private readonly string _workFolder;

    private AzuriteServer(ChildProcess process, string workFolder, int blob, int queue, int table)
    {
        _process = process;
        _workFolder = workFolder;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    /// <summary>The connection string of the well-known development account on this server.</summary>
    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var script = await NpmTools.EnsureInstalledAsync("azurite", Path.Combine("dist", "src", "azurite.js"));
        var ports = FreePorts.Take(3);
        var work = TestPaths.NewTempFolder("azurite");
        var process = ChildProcess.Start("node", [
            script,
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence",
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--loose",
        ], work);
        var server = new AzuriteServer(process, work, ports[0], ports[1], ports[2]);
        try
        {
            foreach (var port in ports)
            {
                await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => process.HasExited ? $"Azurite exited: {process.Output}" : null);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(5));
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open as the process went down; the temp folder is cleaned by the system.
        }
    }
}
