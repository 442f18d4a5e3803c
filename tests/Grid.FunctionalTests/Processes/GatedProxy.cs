using System.Net;
using System.Net.Sockets;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// A TCP proxy in front of a server that passes a set number of bytes in one direction and then holds the rest, so a
/// transfer stops half-way for as long as a test needs — a slow network without a clock. <see cref="Held"/> completes
/// once it holds bytes back; disposing it drops every connection.
/// </summary>
public sealed class GatedProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;
    private long _toClient;
    private long _toServer;

    /// <param name="target">The server.</param>
    /// <param name="toClient">How many bytes the server may send before the proxy holds its answers.</param>
    /// <param name="toServer">How many bytes clients may send before the proxy holds their requests.</param>
    public GatedProxy(Uri target, long toClient = long.MaxValue, long toServer = long.MaxValue)
    {
        _target = target;
        _toClient = toClient;
        _toServer = toServer;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>Completes when the proxy first holds bytes back.</summary>
    public Task Held => _held.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_connections)
        {
            _connections.ForEach(c => c.Dispose());
        }

        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(client.GetStream(), server.GetStream(), toServer: true);
            _ = PumpAsync(server.GetStream(), client.GetStream(), toServer: false);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool toServer)
    {
        var buffer = new byte[64 << 10];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var allowed = Take(toServer, read);
                await to.WriteAsync(buffer.AsMemory(0, allowed), _stop.Token);
                if (allowed < read)
                {
                    _held.TrySetResult();
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
            }

            to.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side hung up, or the proxy stopped.
        }
    }

    private int Take(bool toServer, int wanted)
    {
        ref var budget = ref toServer ? ref _toServer : ref _toClient;
        while (true)
        {
            var left = Interlocked.Read(ref budget);
            var taken = (int)Math.Min(left, wanted);
            if (Interlocked.CompareExchange(ref budget, left - taken, left) == left)
            {
                return taken;
            }
        }
    }
}
