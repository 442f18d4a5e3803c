using System.Net.Sockets;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// Debian's nginx configured as a competent operator would for static files: one worker (the silo gets no more
/// cores), sendfile and tcp_nopush on, no access log, on a free loopback port, every path in a scratch folder.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly ServerProcess _process;

    private NginxServer(ServerProcess process, Uri fileUri)
    {
        _process = process;
        FileUri = fileUri;
    }

    public Uri FileUri { get; }

    /// <summary>The master and its workers.</summary>
    public IReadOnlyList<int> Pids() => [_process.Id, .. ProcessCpu.Children(_process.Id)];

    /// <summary>Serves <paramref name="servedFile"/> (the very file the silo stored) at <c>/{its name}</c>.</summary>
    public static async Task<NginxServer> StartAsync(string folder, string servedFile, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(folder, Path.GetDirectoryName(servedFile)!, port), cancellationToken);
        var process = ServerProcess.Start(
            Binary, ["-p", folder + "/", "-c", config, "-e", Path.Combine(folder, "error.log")], folder, new Dictionary<string, string>(), Path.Combine(folder, "stdout.log"));
        var server = new NginxServer(process, new Uri($"http://127.0.0.1:{port}/{Path.GetFileName(servedFile)}"));
        try
        {
            await server.WaitListeningAsync(port, folder, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Config(string folder, string root, int port) => $$"""
        worker_processes 1;
        daemon off;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events {
            worker_connections 256;
        }
        http {
            sendfile on;
            tcp_nopush on;
            access_log off;
            default_type application/octet-stream;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                location / {
                }
            }
        }

        """;

    private async Task WaitListeningAsync(int port, string folder, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited during start: {await File.ReadAllTextAsync(Path.Combine(folder, "error.log"), cancellationToken)}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                if (ProcessCpu.Children(_process.Id).Count > 0)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"nginx did not listen on port {port} within {StartTimeout}");
    }
}
