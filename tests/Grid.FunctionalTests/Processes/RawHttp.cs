using System.Net.Sockets;
using System.Text;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>HTTP/1.1 over a plain socket, for what HttpClient will not do: send fewer bytes than declared and hang up.</summary>
public static class RawHttp
{
    /// <summary>Sends the head and <paramref name="body"/> (which may be shorter than Content-Length says), then closes the connection.</summary>
    public static async Task SendAndHangUpAsync(Uri server, string head, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        client.Client.Shutdown(SocketShutdown.Both);
    }

    /// <summary>Opens a connection and sends a request head and the start of its body; the caller sends more or hangs up.</summary>
    public static async Task<TcpClient> StartAsync(Uri server, string head, byte[] body)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        return client;
    }

    /// <summary>Sends a whole request and returns the status line of the answer.</summary>
    public static async Task<string> SendAsync(Uri server, string head, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? string.Empty;
    }
}
